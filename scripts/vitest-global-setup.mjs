// Tests run the services from source; the import worker thread needs its built script.
import { buildNode } from './build-node.mjs';

export default async function setup() {
  await buildNode({ quiet: true });
}
