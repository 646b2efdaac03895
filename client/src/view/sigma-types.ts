/** The sigma renderer's type for this graph: imported by the view modules that hold a renderer without creating one. */
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../graph/build';

export type AtlasSigma = Sigma<NodeAttrs, EdgeAttrs>;
