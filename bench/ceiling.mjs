// The framework ceiling: a bare Fastify server answering a fixed 1 KB JSON, no plugins, no
// database, no auth. The bench drives it in the same run as the app, so every figure can be
// stated as a share of what Fastify itself does on this machine at that moment.
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 0);
const items = Array.from({ length: 8 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  title: `Ceiling item ${i}`,
  status: 'in_production',
  dueDate: '2026-11-30',
}));
const payload = { items, nextCursor: null };

const app = Fastify({ logger: false });
app.get('/ceiling', async () => payload);
await app.listen({ port, host: '127.0.0.1' });
console.log(
  `ceiling listening on ${app.server.address().port} (${JSON.stringify(payload).length} bytes)`,
);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
