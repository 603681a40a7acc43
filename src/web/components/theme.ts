/** Flips light/dark and remembers the choice. */
export function toggleTheme(): void {
  const dark = !document.documentElement.classList.contains('dark');
  document.documentElement.classList.toggle('dark', dark);
  localStorage.setItem('handoff.theme', dark ? 'dark' : 'light');
}
