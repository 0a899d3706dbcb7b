import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

type Schema = Record<string, unknown>;

// ajv-formats is CommonJS; under ESM interop its default export sits one level down.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => void;

const require = createRequire(import.meta.url);

/** A file inside an installed package, found without loading the package's (huge) index. */
export function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

export interface SchemaProblem {
  path: string;
  message: string;
}

/**
 * Validates data against schemas of a GitHub OpenAPI description with Ajv, plus a strict mode of our
 * own: the published schemas never forbid extra fields, so every object property the schema does
 * not declare is reported (a simulator must not invent fields the app could come to rely on).
 */
export class SpecValidator {
  readonly doc: Schema;
  private readonly ajv: Ajv;
  private readonly compiled = new WeakMap<Schema, ValidateFunction>();

  constructor(
    file: string,
    private readonly id: string,
  ) {
    const raw = JSON.parse(readFileSync(file, "utf8")) as Schema;
    this.doc = normalise(raw, id) as Schema;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(this.ajv);
    for (const f of collectFormats(this.doc)) if (!this.ajv.formats[f]) this.ajv.addFormat(f, true);
    this.ajv.addSchema({ ...this.doc, $id: id });
  }

  /** The JSON schema of a response, or null when the spec documents no body (204, 304). */
  responseSchema(path: string, method: string, status: number): Schema | null | undefined {
    const op = (this.doc.paths as Record<string, Record<string, Schema>>)[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`no operation ${method} ${path} in the spec`);
    const responses = op.responses as Record<string, Schema>;
    const res = responses[String(status)];
    if (!res) return undefined;
    const resolved = this.resolve(res);
    const content = resolved.content as Record<string, { schema?: Schema }> | undefined;
    if (!content) return null;
    const json = content["application/json"] ?? Object.values(content)[0];
    return json?.schema ?? null;
  }

  component(name: string): Schema {
    const s = ((this.doc.components as Schema).schemas as Record<string, Schema>)[name];
    if (!s) throw new Error(`no schema ${name}`);
    return s;
  }

  validate(schema: Schema, data: unknown): SchemaProblem[] {
    const fn = this.compile(schema);
    if (!fn(data)) {
      return (fn.errors ?? []).slice(0, 10).map((e) => ({
        path: e.instancePath || "/",
        message: `${e.message ?? "invalid"} (${e.schemaPath})`,
      }));
    }
    return this.undeclared(schema, data, "");
  }

  private compile(schema: Schema): ValidateFunction {
    let fn = this.compiled.get(schema);
    if (!fn) {
      fn = this.ajv.compile(schema);
      this.compiled.set(schema, fn);
    }
    return fn;
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; i < 20 && typeof s.$ref === "string"; i++) {
      const ref = s.$ref;
      const pointer = ref.slice(ref.indexOf("#") + 1);
      s = pointer
        .split("/")
        .filter(Boolean)
        .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<unknown>((node, key) => (node as Schema)[key], this.doc) as Schema;
    }
    return s;
  }

  /** Walks data alongside its schema; anyOf picks a branch that validates and declares everything. */
  private undeclared(schemaIn: Schema, data: unknown, path: string): SchemaProblem[] {
    const schema = this.resolve(schemaIn);
    const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (branches) {
      let best: SchemaProblem[] | null = null;
      for (const b of branches) {
        if (!this.compile(b)(data)) continue;
        const problems = this.undeclared(b, data, path);
        if (problems.length === 0) return [];
        if (!best || problems.length < best.length) best = problems;
      }
      return best ?? [];
    }
    if (Array.isArray(data)) {
      const items = schema.items as Schema | undefined;
      return items ? data.flatMap((d, i) => this.undeclared(items, d, `${path}/${i}`)) : [];
    }
    if (typeof data !== "object" || data === null) return [];
    const props: Record<string, Schema> = {};
    let declaresProps = false;
    let additional: Schema | boolean | undefined;
    for (const part of [
      schema,
      ...((schema.allOf as Schema[] | undefined) ?? []).map((p) => this.resolve(p)),
    ]) {
      if (part.properties) {
        declaresProps = true;
        Object.assign(props, part.properties);
      }
      if (part.additionalProperties !== undefined) additional = part.additionalProperties as Schema | boolean;
      const nested = (part.anyOf ?? part.oneOf) as Schema[] | undefined;
      if (nested && part !== schema) {
        // allOf containing a choice: take the declared properties of the branch that fits.
        const fit = nested.find((b) => this.compile(b)(data));
        const r = fit ? this.resolve(fit) : undefined;
        if (r?.properties) {
          declaresProps = true;
          Object.assign(props, r.properties);
        }
      }
    }
    const problems: SchemaProblem[] = [];
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const p = `${path}/${key}`;
      const declared = props[key];
      if (declared) problems.push(...this.undeclared(declared, value, p));
      else if (typeof additional === "object") problems.push(...this.undeclared(additional, value, p));
      else if (declaresProps && additional !== true)
        problems.push({ path: p, message: "property not declared by the schema" });
    }
    return problems;
  }
}

/**
 * OpenAPI → JSON Schema for Ajv: `nullable` becomes a null alternative, refs point into the added
 * document, `oneOf` becomes `anyOf` (the schemas overlap because none forbids extra fields, so
 * exclusivity cannot hold; the strict walk above picks the branch instead), `discriminator` dropped.
 */
function normalise(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((n) => normalise(n, id));
  if (typeof node !== "object" || node === null) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node as Schema)) {
    if (k === "discriminator") continue;
    if (k === "$ref" && typeof v === "string" && v.startsWith("#")) out.$ref = `${id}${v}`;
    else if (k === "oneOf") out.anyOf = normalise(v, id);
    else out[k] = normalise(v, id);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
      return out;
    }
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function collectFormats(node: unknown, acc = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => collectFormats(n, acc));
  else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node as Schema)) {
      if (k === "format" && typeof v === "string") acc.add(v);
      else collectFormats(v, acc);
    }
  }
  return acc;
}
