import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema, readTypeDefs } from '../../src/graphql/schema.js';

/** Names of what lacks a description, among the types that `ours` names. */
function undocumented(schema: GraphQLSchema, ours: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  const check = (name: string, description: string | null | undefined) => {
    if (description == null || description.trim() === '') missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!ours.has(type.name) || isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        // Federation adds these to Query; they are documented by its specification.
        if (field.name === '_service' || field.name === '_entities') continue;
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        check(`${type.name}.${field.name}`, field.description);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

/** The types our SDL files define, as opposed to those federation adds. */
function typesDefinedIn(sdl: string): Set<string> {
  const names = new Set<string>();
  for (const definition of parse(sdl).definitions) {
    if ('name' in definition && definition.name !== undefined) names.add(definition.name.value);
  }
  return names;
}

describe('the schema', () => {
  it('describes every type, field, argument and enum value', () => {
    const ours = typesDefinedIn(readTypeDefs());
    expect(ours.size).toBeGreaterThan(20);
    expect(undocumented(buildSchema(), ours)).toEqual([]);
  });

  it('is checked: an undocumented field is found', async () => {
    const { buildSchema: build } = await import('graphql');
    const sdl = `"A" type Query { "b" b(c: Int): Int d: Int } enum E { X }`;
    expect(undocumented(build(sdl), typesDefinedIn(sdl))).toEqual(['Query.b(c)', 'Query.d', 'E', 'E.X']);
  });
});
