// Typed reads of a JSON resource body (chat, notifications). Each field is checked for its type so
// a wrong body gets a 400 naming the field instead of a record with garbage in it. Names follow the
// Authentication spec's resource routes: 400 MissingParamInRequest for an absent required field,
// 400 InvalidRequest for a wrongly typed one (AUTH-SPEC).
import { badRequest } from './errors';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalString(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest('InvalidRequest', `${name} must be a string.`);
  return value;
}

export function requiredString(body: JsonObject, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined || value.trim() === '') throw badRequest('MissingParamInRequest', `${name} is required.`);
  return value;
}

export function optionalBoolean(body: JsonObject, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest('InvalidRequest', `${name} must be true or false.`);
  return value;
}

/** One of a closed set of strings, or undefined when absent. */
export function optionalEnum<T extends string>(body: JsonObject, name: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(body, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest('InvalidRequest', `${name} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** An array of JSON objects, or undefined when absent. */
export function optionalObjectList(body: JsonObject, name: string): JsonObject[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every(isJsonObject)) {
    throw badRequest('InvalidRequest', `${name} must be an array of objects.`);
  }
  return value;
}
