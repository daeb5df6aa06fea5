/**
 * Reads an ARM deploymentTemplate (as azcdk writes it: classic `resources` array) into the
 * canonical Deployment, parsing every `[...]` expression.
 */
import {
  access, call, compact, lit, objectKey, print, resourceKey, rid, splitName, toJ, arr, obj,
  type C, type CanonicalResource, type Deployment, type J, type Segment,
} from './canonical.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parses an ARM template object into the canonical deployment. */
export function readArmTemplate(template: any): Deployment {
  const variables: Record<string, Json> = template.variables ?? {};
  const inlining = new Set<string>();
  const variable = (name: string): C => {
    if (!(name in variables)) throw new Error(`variables('${name}') is not declared`);
    if (inlining.has(name)) throw new Error(`variable '${name}' refers to itself`);
    inlining.add(name);
    try {
      return jsonToC(variables[name], variable);
    } finally {
      inlining.delete(name);
    }
  };
  const value = (v: Json): J => toJ(jsonToC(v, variable));

  const parameters: Deployment['parameters'] = {};
  for (const [name, p] of Object.entries<any>(template.parameters ?? {})) {
    parameters[name] = compact({
      type: p.type,
      defaultValue: p.defaultValue === undefined ? undefined : value(p.defaultValue),
      allowedValues: p.allowedValues?.map(value),
      minValue: p.minValue,
      maxValue: p.maxValue,
      minLength: p.minLength,
      maxLength: p.maxLength,
      description: p.metadata?.description,
    });
  }

  const resources: Record<string, CanonicalResource> = {};
  for (const r of template.resources as any[]) {
    const name = jsonToC(r.name, variable);
    const body: Record<string, J> = {};
    for (const key of Object.keys(r)) {
      if (!['type', 'apiVersion', 'name', 'condition', 'dependsOn'].includes(key)) body[key] = value(r[key]);
    }
    const key = resourceKey(r.type, name);
    if (resources[key]) throw new Error(`two resources are keyed ${key}`);
    resources[key] = compact({
      id: print(rid([], r.type, splitName(name))),
      type: r.type,
      apiVersion: r.apiVersion,
      name: toJ(name),
      condition: r.condition === undefined ? undefined : value(r.condition),
      body,
      dependsOn: [...new Set((r.dependsOn ?? []).map((d: string) => print(jsonToC(d, variable))))].sort() as string[],
    });
  }

  const outputs: Deployment['outputs'] = {};
  for (const [name, o] of Object.entries<any>(template.outputs ?? {})) {
    outputs[name] = compact({ type: o.type, value: value(o.value), description: o.metadata?.description });
  }
  return compact({
    description: template.metadata?.description,
    parameters,
    variables: Object.keys(variables).map((n) => print(variable(n))).sort(),
    resources,
    outputs,
  });
}

/** A JSON value of a template: strings `[...]` are expressions, `[[...` escaped literals. */
export function jsonToC(v: Json, variable: (name: string) => C): C {
  if (typeof v === 'string') {
    // Only `[...]` strings are expressions; `[[...]` is the escape for a literal of that shape.
    if (v.startsWith('[') && v.endsWith(']')) return v.startsWith('[[') ? lit(v.slice(1)) : parseArmExpression(v.slice(1, -1), variable);
    return lit(v);
  }
  if (Array.isArray(v)) return arr(v.map((x) => jsonToC(x, variable)));
  if (v !== null && typeof v === 'object') return obj(Object.entries(v).map(([k, x]) => [objectKey(jsonToC(k, variable)), jsonToC(x, variable)] as const));
  return lit(v);
}

/** Parses one ARM expression (without its brackets). */
export function parseArmExpression(text: string, variable: (name: string) => C): C {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`ARM expression: ${what} at ${i} in ${text}`);
  };
  const space = () => {
    while (text[i] === ' ') i++;
  };
  const expect = (c: string) => {
    space();
    if (text[i] !== c) fail(`expected '${c}'`);
    i++;
  };
  const expression = (): C => {
    space();
    let base: C;
    if (text[i] === "'") {
      let s = '';
      for (i++; ; i++) {
        if (i >= text.length) fail('unterminated string');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            s += "'";
            i++;
          } else break;
        } else s += text[i];
      }
      i++;
      base = lit(s);
    } else if (/[-\d]/.test(text[i])) {
      const m = /^-?\d+/.exec(text.slice(i)) ?? fail('bad number');
      i += m[0].length;
      base = lit(Number(m[0]));
    } else {
      const m = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?/.exec(text.slice(i)) ?? fail('expected a function');
      i += m[0].length;
      expect('(');
      const args: C[] = [];
      space();
      if (text[i] === ')') i++;
      else {
        for (;;) {
          args.push(expression());
          space();
          if (text[i] === ',') i++;
          else if (text[i] === ')') {
            i++;
            break;
          } else fail("expected ',' or ')'");
        }
      }
      base = call(m[0], args, variable);
    }
    const path: Segment[] = [];
    for (;;) {
      if (text[i] === '.') {
        const m = /^\.([A-Za-z_$][A-Za-z0-9_$]*)/.exec(text.slice(i)) ?? fail('expected a property');
        i += m[0].length;
        path.push(m[1]);
      } else if (text[i] === '[') {
        i++;
        const index = expression();
        expect(']');
        path.push(index.k === 'lit' && (typeof index.v === 'string' || typeof index.v === 'number') ? index.v : index);
      } else break;
    }
    return access(base, path);
  };
  const result = expression();
  space();
  if (i !== text.length) fail('unexpected text');
  return result;
}
