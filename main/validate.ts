// Argument checks for every IPC handler. The renderer is treated as untrusted:
// a compromised page must not be able to write outside what the user picked,
// smuggle a path, or exhaust memory, so payloads are checked for exact shape,
// type, size and file-name characters before anything else happens.

import { fileNameProblem } from '../preload/contract';

/** A request the main process refuses; nothing has happened when it is thrown. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

function refuse(message: string): never {
  throw new RefusedError(message);
}

/** Refuses a call that carries any argument at all. */
export function expectNoArgs(args: readonly unknown[]): void {
  if (args.length !== 0) refuse(`expected no arguments, got ${args.length}`);
}

/** The single argument of a one-argument call. */
export function expectOneArg(args: readonly unknown[]): unknown {
  if (args.length !== 1) refuse(`expected one argument, got ${args.length}`);
  return args[0];
}

/** A plain object with exactly `keys` (no more, no fewer, no prototype tricks). */
export function expectRecord<K extends string>(value: unknown, keys: readonly K[], what: string): Record<K, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(`${what} must be an object`);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) refuse(`${what} must be a plain object`);
  const own = Reflect.ownKeys(value);
  const unexpected = own.filter((key) => typeof key !== 'string' || !(keys as readonly string[]).includes(key));
  if (unexpected.length > 0) refuse(`${what} has unexpected fields`);
  for (const key of keys) if (!Object.hasOwn(value, key)) refuse(`${what} lacks ${key}`);
  return value as Record<K, unknown>;
}

/** Bytes (a Uint8Array, which is what structured clone delivers) of at most `maxBytes`. */
export function expectBytes(value: unknown, maxBytes: number, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) refuse(`${what} must be bytes`);
  if (value.byteLength > maxBytes) refuse(`${what} is larger than ${maxBytes} bytes`);
  return value;
}

/** One of a fixed set of strings. */
export function expectOneOf<T extends string>(value: unknown, options: readonly T[], what: string): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) refuse(`${what} is not one of ${options.join(', ')}`);
  return value as T;
}

/** A string matching `pattern` (which must anchor both ends). */
export function expectMatch(value: unknown, pattern: RegExp, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) refuse(`${what} is malformed`);
  return value;
}

/** An array of at most `maxItems` items. */
export function expectArray(value: unknown, maxItems: number, what: string): unknown[] {
  if (!Array.isArray(value)) refuse(`${what} must be a list`);
  if (value.length > maxItems) refuse(`${what} has more than ${maxItems} items`);
  return value;
}

/** A base file name safe on Windows, macOS and Linux: never a path, never hidden, never a device. */
export function expectFileName(value: unknown, what: string): string {
  if (typeof value !== 'string') refuse(`${what} must be text`);
  const problem = fileNameProblem(value);
  if (problem !== undefined) refuse(`${what} ${problem}`);
  return value;
}
