import { z } from 'zod';
import { def } from '../op-def';

/** A person as every screen names them: the display name, the login name on hover. */
export interface PersonView {
  name: string;
  display_name: string;
}

/** Who is who, for any signed-in user (names only: no roles, no state). */
export const peopleOperations = {
  'people.list': def<PersonView[]>()(z.object({}).strict(), 'signed_in'),
};
