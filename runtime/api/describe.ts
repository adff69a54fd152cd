import { z } from 'zod';
import type { MethodSpec, StreamSpec } from './define.js';

/**
 * The contract in words, for `berth api --help [METHOD]`: each method's doc, then each
 * parameter with its type, whether it is required, its default and its meaning, nested
 * parameters indented under their parent. Read from the schemas, so it cannot drift.
 */

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

function typeText(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) return choices.map(typeText).join(' | ');
  if (schema.type === 'array') {
    const item = schema.items ? typeText(schema.items) : 'value';
    return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
  }
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) {
    return `{string: ${typeText(schema.additionalProperties)}}`;
  }
  const base = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'value');
  const safe = Number.MAX_SAFE_INTEGER;
  const range = (schema.type === 'integer' || schema.type === 'number') && (schema.minimum !== undefined || (schema.maximum !== undefined && schema.maximum < safe))
    ? ` ${schema.minimum ?? ''}..${schema.maximum !== undefined && schema.maximum < safe ? schema.maximum : ''}`
    : '';
  return base + range;
}

function describeProperties(schema: JsonSchema, indent: string, lines: string[]): void {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(name) && property.default === undefined ? 'required' : 'optional';
    const fallback = property.default === undefined ? '' : `, default ${JSON.stringify(property.default)}`;
    lines.push(`${indent}${name}: ${typeText(property)} (${required}${fallback})`);
    if (property.description) lines.push(`${indent}    ${property.description}`);
    const nested = property.type === 'array' ? property.items : property;
    if (nested?.properties) describeProperties(nested, `${indent}    `, lines);
    for (const choice of nested?.oneOf ?? nested?.anyOf ?? []) {
      const tag = Object.values(choice.properties ?? {}).find((field) => field.const !== undefined);
      if (choice.properties) {
        lines.push(`${indent}    when ${tag ? `type is ${JSON.stringify(tag.const)}` : 'an object'}:`);
        describeProperties(choice, `${indent}        `, lines);
      }
    }
  }
}

/** One method or stream: its doc and every parameter, nested ones included. */
export function describeEntry(name: string, spec: MethodSpec | StreamSpec): string {
  const lines = [name, `    ${spec.doc}`];
  const schema = z.toJSONSchema(spec.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  if (Object.keys(schema.properties ?? {}).length === 0) lines.push('    (no parameters)');
  else {
    lines.push('    Parameters:');
    describeProperties(schema, '      ', lines);
  }
  return `${lines.join('\n')}\n`;
}

/** Every method and stream, one line of doc each. */
export function describeContract(methods: Record<string, MethodSpec>, streams: Record<string, StreamSpec>): string {
  const lines = ['Methods (berth api METHOD \'{"param": value}\'; berth api --help METHOD for its parameters):', ''];
  for (const [name, spec] of Object.entries(methods)) lines.push(`  ${name}`, `      ${spec.doc}`);
  lines.push('', 'Streams (print one JSON event a line until they end; Ctrl-C stops):', '');
  for (const [name, spec] of Object.entries(streams)) lines.push(`  ${name}`, `      ${spec.doc}`);
  return `${lines.join('\n')}\n`;
}
