import { z } from 'zod';

/** The RM's PIN that ends client-facing mode: 4 to 12 digits. */
export const Pin = z.string().regex(/^[0-9]{4,12}$/, { message: 'must be 4 to 12 digits' });
