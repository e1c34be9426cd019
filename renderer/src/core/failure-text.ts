/** What went wrong, in the words the failure carries: its message, or the thrown value as text. */
export function failureText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
