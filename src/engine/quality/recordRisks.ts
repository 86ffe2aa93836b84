import type { Risk } from '../../shared/project/types';
import type { SuggestedRisk } from '../../shared/quality/types';
import { editProject } from '../sources/projectEdit';

/** Adds suggested risks to the problem definition's register, skipping those already there; returns how many were added. */
export async function recordRisks(projectFile: string, risks: readonly SuggestedRisk[]): Promise<number> {
  let added = 0;
  await editProject(projectFile, (project) => {
    const problem = (project.problem ??= {}) as { risks?: Risk[] };
    const register = (problem.risks ??= []);
    for (const risk of risks) {
      if (!register.some((r) => r.risk === risk.risk)) { register.push({ ...risk }); added++; }
    }
  });
  return added;
}
