/** `GET /api/openapi.json`: the API's own description. */
import type { Router } from 'express';
import { openapiDocument } from '../openapi.js';
import { validateQuery } from '../http/params.js';

export function openapiRoutes(router: Router): void {
  router.get('/openapi.json', (req, res) => {
    validateQuery(req, {});
    res.json(openapiDocument);
  });
}
