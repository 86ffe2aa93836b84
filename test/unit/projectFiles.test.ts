import * as assert from 'node:assert/strict';
import { existsSync, promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EngineErrorCodes } from '../../src/shared/protocol/engine';
import { exportProblem } from '../../src/engine/problem/exportProblem';
import { copySample } from '../../src/engine/project/copySample';
import { createProject } from '../../src/engine/project/createProject';
import { revisionOf } from '../../src/engine/project/projectText';
import { saveProblem } from '../../src/engine/project/saveProblem';
import { validateProject } from '../../src/engine/project/validateProject';
import { ROOT, tempDir } from './tempDir';

const IRIS = 'sepal_length,species\n5.1,setosa\n7.0,versicolor\n';

describe('project files', () => {
  it('creates a project that validates, registering the data file with its hash', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'iris.csv'), IRIS);
    const { path: file, project } = await createProject({ folder: path.join(dir, 'proj'), name: ' Iris ', dataFile: path.join(dir, 'iris.csv') });
    assert.equal(project.name, 'Iris');
    assert.deepEqual(project.data?.sources, [{
      name: 'iris', path: '../iris.csv', role: 'train', columns: 2,
      sha256: revisionOf(IRIS),
    }]);
    assert.equal(project.data?.sources?.[0].sha256, revisionOf(IRIS), 'the SHA-256 of the content');
    const result = await validateProject(file);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.columns, ['sepal_length', 'species']);
    await assert.rejects(createProject({ folder: path.join(dir, 'proj'), name: 'again' }), (err: { code: number }) => err.code === EngineErrorCodes.AlreadyExists);
  });

  it('refuses a data file without a header and leaves no project file behind', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.csv'), '');
    await assert.rejects(createProject({ folder: dir, name: 'x', dataFile: path.join(dir, 'empty.csv') }), /no header row/);
    assert.equal(existsSync(path.join(dir, 'mlworkflow.json')), false);
    await assert.rejects(createProject({ folder: dir, name: 'x', dataFile: path.join(dir, 'missing.csv') }), /missing\.csv: no such file/);
  });

  it('reports syntax, schema and semantic problems at their lines', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'd.csv'), 'a,b\n1,2\n');
    const file = path.join(dir, 'mlworkflow.json');
    writeFileSync(file, [
      '{',
      '  "version": 1,',
      '  "name": "x",',
      '  "problem": {',
      '    "task": "binary",',
      '    "target": "c",',
      '    "successCriteria": [ { "metric": "r2", "comparator": ">=", "threshold": 0.5 } ]',
      '  },',
      '  "data": { "sources": [ { "name": "d", "path": "d.csv" }, { "name": "d", "path": "gone.csv" } ] }',
      '}',
    ].join('\n'));
    const semantic = await validateProject(file);
    assert.deepEqual(semantic.diagnostics.map((d) => `${d.line}:${d.kind}:${d.message}`), [
      '6:semantic:Target "c" is not a column of the training data (columns: a, b).',
      '7:semantic:Metric "r2" does not apply to a binary task.',
      `9:semantic:Two data sources are named "d"; names must be unique.`,
      `9:semantic:Data file "gone.csv" does not exist (looked for ${path.join(dir, 'gone.csv')}).`,
    ]);
    writeFileSync(file, '{\n  "version": 2,\n  "name": "",\n  "problem": { "risks": [ { "risk": "r", "likelihood": "often" } ] }\n}\n');
    const schema = await validateProject(file);
    assert.equal(schema.project, undefined);
    assert.deepEqual(schema.diagnostics.map((d) => `${d.line}:${d.column}:${d.message}`), [
      '2:14:"version" must be 1.',
      '3:11:"name" must not be empty.',
      '4:27:"problem.risks.0" is missing the required property "impact".',
      '4:56:"problem.risks.0.likelihood" must be one of: low, medium, high.',
    ]);
    writeFileSync(file, '{\n  "version": 1,\n  "name": "x"\n  "problem": {}\n}\n');
    const syntax = await validateProject(file);
    assert.deepEqual(syntax.diagnostics.map((d) => `${d.line}:${d.column}:${d.kind}:${d.message}`), ['4:3:syntax:Invalid JSON: comma expected.']);
    writeFileSync(file, '');
    assert.match((await validateProject(file)).diagnostics[0].message, /empty/);
  });

  it('saves the problem atomically, keeps other sections, and refuses a stale revision', async () => {
    const dir = tempDir();
    const { path: file } = await createProject({ folder: dir, name: 'keep' });
    const text = readFileSync(file, 'utf8');
    const { revision } = await saveProblem({ path: file, problem: { task: 'regression', target: 'y' }, expectedRevision: revisionOf(text) });
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(saved), ['version', 'name', 'created', 'problem', 'data'], 'the key order is kept');
    assert.deepEqual(saved.problem, { task: 'regression', target: 'y' });
    assert.equal(revision, revisionOf(readFileSync(file, 'utf8')));
    assert.deepEqual(readdirSync(dir), ['mlworkflow.json'], 'no temporary file is left behind');
    await assert.rejects(saveProblem({ path: file, problem: {}, expectedRevision: revisionOf(text) }),
      (err: { code: number }) => err.code === EngineErrorCodes.Conflict);
    writeFileSync(file, '[1, 2');
    await assert.rejects(saveProblem({ path: file, problem: {}, expectedRevision: revisionOf('[1, 2') }), /not valid JSON/);
    assert.equal(readFileSync(file, 'utf8'), '[1, 2', 'a broken file is not touched');
  });

  it('copies the bundled sample without overwriting an earlier copy', async () => {
    const dir = tempDir();
    const first = await copySample(path.join(ROOT, 'samples'), dir);
    const second = await copySample(path.join(ROOT, 'samples'), dir);
    assert.equal(path.basename(first.folder), 'penguins-sample');
    assert.equal(path.basename(second.folder), 'penguins-sample-2');
    const result = await validateProject(second.projectFile);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.project?.problem?.target, 'Species');
    assert.equal(result.project?.data?.sources?.[0].sha256, revisionOf(readFileSync(path.join(second.folder, 'data', 'penguins.csv'), 'utf8')),
      'the recorded hash matches the bundled data');
  });

  it('exports PROBLEM.md beside the project, and refuses a broken project', async () => {
    const dir = tempDir();
    const { projectFile } = await copySample(path.join(ROOT, 'samples'), dir);
    const { path: md } = await exportProblem(projectFile, new Date('2026-01-02T00:00:00Z'));
    const text = await fs.readFile(md, 'utf8');
    assert.match(text, /^# Penguin species: problem definition\n/);
    assert.match(text, /on 2026-01-02/);
    assert.match(text, /- \*\*Type:\*\* Multiclass classification/);
    assert.match(text, /\| Macro F1 \| >= 0\.93 \|/);
    // The risk register is sorted by severity: medium x high (6) before high x low (3).
    assert.ok(text.indexOf('6 / 9') < text.indexOf('3 / 9'));
    writeFileSync(projectFile, '{ "version": 1 }');
    await assert.rejects(exportProblem(projectFile), /mlworkflow\.json:1: The project file is missing the required property "name"/);
  });
});
