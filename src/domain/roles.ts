/**
 * Workspace roles (PRODUCT.md "People"). One list so every permission table in domain/ speaks
 * the same vocabulary as the database and the API.
 */

export const ROLES = ['admin', 'coordinator', 'strategist', 'qa', 'finance', 'contractor'] as const;

export type Role = (typeof ROLES)[number];

/** Human label for a role, for messages and the UI. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  coordinator: 'Coordinator',
  strategist: 'Strategist',
  qa: 'QA',
  finance: 'Finance',
  contractor: 'Contractor',
};

/** True when `value` is one of the workspace roles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

// Wording for people in refusal messages; "a qa" or "only finance or admin" reads badly.
const ROLE_NOUNS: Record<Role, { one: string; many: string }> = {
  admin: { one: 'an admin', many: 'admins' },
  coordinator: { one: 'a coordinator', many: 'coordinators' },
  strategist: { one: 'a strategist', many: 'strategists' },
  qa: { one: 'a QA reviewer', many: 'QA reviewers' },
  finance: { one: 'someone in finance', many: 'finance' },
  contractor: { one: 'a contractor', many: 'contractors' },
};

/** One person in a role, with its article: "an admin", "a QA reviewer". */
export function rolePerson(role: Role): string {
  return ROLE_NOUNS[role].one;
}

/** The people in some roles for a message: "QA reviewers or admins". */
export function describeRoles(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_NOUNS[r].many);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** "Only strategists, coordinators or admins can close the task": the whole refusal sentence. */
export function roleRefusal(role: Role, allowed: readonly Role[], doWhat: string): string {
  const who = rolePerson(role);
  const subject = `${who.charAt(0).toUpperCase()}${who.slice(1)}`;
  return `${subject} can't ${doWhat}: only ${describeRoles(allowed)} can`;
}
