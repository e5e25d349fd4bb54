import { z } from 'zod';
import { Id, RecordMeta, optionalText, requiredText } from './common.ts';

export const ContactFields = z.object({
  clientId: Id,
  name: requiredText(100),
  title: optionalText(100),
  department: optionalText(100),
  phone: z
    .string()
    .trim()
    .regex(/^$|^\+?[0-9][0-9 ()-]{4,24}$/, { message: 'must be a phone number (digits, spaces, + ( ) -)' })
    .default(''),
  email: z.union([z.literal(''), z.email({ message: 'must be an e-mail address' })]).default(''),
  wechatId: z
    .string()
    .trim()
    .regex(/^$|^[A-Za-z][-_A-Za-z0-9]{5,19}$/, { message: 'must be 6–20 letters, digits, - or _, starting with a letter' })
    .default(''),
  isDecisionMaker: z.boolean().default(false),
});
export type ContactFields = z.infer<typeof ContactFields>;

export const Contact = RecordMeta.extend(ContactFields.shape);
export type Contact = z.infer<typeof Contact>;
