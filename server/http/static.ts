/**
 * Serves the built client: hashed files under `/assets/` cached for a year, everything
 * else revalidated, and `index.html` for any other GET so client-side routes survive a
 * reload. No directory listings, no dotfiles.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function clientRoutes(clientDir: string | undefined): Router {
  const router = express.Router();
  const index = clientDir ? join(clientDir, 'index.html') : undefined;
  const built = index !== undefined && existsSync(index);

  // Dot-segments (`/.env`, `/.git/config`) are never served, not even as the SPA page.
  const refuseDotfiles: RequestHandler = (req, res, next) => {
    // Segments are decoded first: `/%2eenv` is `/.env` to the file system.
    if (req.path.split('/').some((seg) => decodeURIComponent(seg).startsWith('.'))) {
      res.status(404).type('text/plain').send('Not found\n');
      return;
    }
    next();
  };
  router.use(refuseDotfiles);

  if (!built || !clientDir || !index) {
    router.use((req, res) => {
      res
        .status(404)
        .type('text/plain')
        .send(req.path === '/' ? 'The client is not built. Run `npm run build:client`, or use the API under /api.\n' : 'Not found\n');
    });
    return router;
  }

  router.use(
    express.static(clientDir, {
      index: false,
      redirect: false,
      dotfiles: 'deny',
      fallthrough: true,
      setHeaders(res, path) {
        const rel = path.slice(clientDir.length).replace(/\\/g, '/');
        res.setHeader('Cache-Control', rel.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      },
    }),
  );

  // A missing hashed asset is a real 404, not the SPA page (which would be parsed as JS).
  router.use('/assets', (_req, res) => {
    res.status(404).type('text/plain').send('Not found\n');
  });

  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      res.status(405).type('text/plain').send('Method not allowed\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, { dotfiles: 'deny' }, (err) => {
      if (err) next(err);
    });
  });
  return router;
}
