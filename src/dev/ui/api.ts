/** The page's actions: JSON POSTs to the dev server, which answers 202 or an error with a message. */

/** Sends one action; resolves to undefined when taken, or to the server's reason when not. */
export async function act(path: string, body: Record<string, unknown> = {}): Promise<string | undefined> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) return undefined;
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    return answer.error ?? `${path} answered ${response.status}`;
  } catch (error) {
    return `the dev server cannot be reached (${error instanceof Error ? error.message : String(error)})`;
  }
}
