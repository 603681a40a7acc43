// Applied before React renders so a dark-theme user never sees a white flash.
const saved = localStorage.getItem('handoff.theme');
const dark = saved ? saved === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
document.documentElement.classList.toggle('dark', dark);
