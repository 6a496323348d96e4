// How many targets a campaign lists.

/** The listed targets: users, departments and chats, each list counted once per distinct id. */
export interface Audience {
  readonly users: number;
  readonly departments: number;
  readonly chats: number;
  readonly total: number;
}

/** Counts distinct ids per list (the provider refuses duplicates; counting them once keeps the cap honest). */
export function countAudience(
  users: readonly unknown[],
  departments: readonly unknown[],
  chats: readonly unknown[],
): Audience {
  const distinct = (list: readonly unknown[]) => new Set(list.map((id) => JSON.stringify(id))).size;
  const counts = { users: distinct(users), departments: distinct(departments), chats: distinct(chats) };
  return { ...counts, total: counts.users + counts.departments + counts.chats };
}

/** "120 targets (100 users, 15 departments, 5 chats)". */
export function describeAudience(audience: Audience): string {
  return (
    `${audience.total} targets (${audience.users} users, ${audience.departments} departments, ` +
    `${audience.chats} chats)`
  );
}
