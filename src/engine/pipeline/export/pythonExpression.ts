import { parseExpressionAt } from 'acorn';
import type { Expression, Node } from 'acorn';

/**
 * Translates an arquero row expression (`d => d.age > 3 && d.sex === "male"`) into a vectorised
 * pandas/numpy expression over `df`. Only what has an exact counterpart is translated; anything
 * else throws, so an export never silently computes something different.
 */
export function toPandas(expression: string): string {
  const node = parseExpressionAt(expression, 0, { ecmaVersion: 2022 }) as Expression;
  const body = node.type === 'ArrowFunctionExpression' ? node.body : node;
  const param = node.type === 'ArrowFunctionExpression' && node.params[0]?.type === 'Identifier' ? node.params[0].name : 'd';
  return translate(body as Node, param);
}

const BINARY: Record<string, string> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
  '===': '==', '==': '==', '!==': '!=', '!=': '!=',
};
const MATH: Record<string, string> = { abs: 'np.abs', sqrt: 'np.sqrt', log: 'np.log', exp: 'np.exp', floor: 'np.floor', ceil: 'np.ceil', min: 'np.minimum', max: 'np.maximum' };

function translate(node: Node, d: string): string {
  const t = (n: Node) => translate(n, d);
  switch (node.type) {
    case 'Literal': {
      const value = (node as unknown as { value: unknown }).value;
      if (value === null) { return 'np.nan'; }
      if (typeof value === 'boolean') { return value ? 'True' : 'False'; }
      if (typeof value === 'number' || typeof value === 'string') { return JSON.stringify(value); }
      break;
    }
    case 'MemberExpression': {
      const m = node as unknown as { object: Node & { name?: string }; property: Node & { name?: string; value?: unknown }; computed: boolean };
      if (m.object.type === 'Identifier' && m.object.name === d) {
        const name = m.computed ? m.property.value : m.property.name;
        if (typeof name === 'string') { return `df[${JSON.stringify(name)}]`; }
      }
      break;
    }
    case 'BinaryExpression': {
      const b = node as unknown as { operator: string; left: Node; right: Node };
      if (BINARY[b.operator]) { return `(${t(b.left)} ${BINARY[b.operator]} ${t(b.right)})`; }
      break;
    }
    case 'LogicalExpression': {
      const l = node as unknown as { operator: string; left: Node; right: Node };
      if (l.operator === '&&') { return `(${t(l.left)} & ${t(l.right)})`; }
      if (l.operator === '||') { return `(${t(l.left)} | ${t(l.right)})`; }
      break;
    }
    case 'UnaryExpression': {
      const u = node as unknown as { operator: string; argument: Node };
      if (u.operator === '!') { return `(~${t(u.argument)})`; }
      if (u.operator === '-') { return `(-${t(u.argument)})`; }
      break;
    }
    case 'ConditionalExpression': {
      const c = node as unknown as { test: Node; consequent: Node; alternate: Node };
      return `np.where(${t(c.test)}, ${t(c.consequent)}, ${t(c.alternate)})`;
    }
    case 'CallExpression': {
      const c = node as unknown as { callee: Node & { object?: Node & { name?: string }; property?: Node & { name?: string } }; arguments: Node[] };
      const fn = c.callee.type === 'MemberExpression' && c.callee.object?.name === 'Math' ? MATH[c.callee.property?.name ?? ''] : undefined;
      if (fn) { return `${fn}(${c.arguments.map(t).join(', ')})`; }
      break;
    }
    default:
      break;
  }
  throw new Error(`cannot translate \`${JSON.stringify(node.type)}\` to pandas exactly`);
}
