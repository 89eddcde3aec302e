// 代充/手工 goods: the fields a shop asks the buyer to fill at checkout (game
// account, server, character…), and the check of what a buyer filled in.
import { z } from 'zod';
import { validationError } from '../../lib/errors.ts';

export const ManualField = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lowercase letters, digits and _, starting with a letter (at most 32)'),
  label: z.string().trim().min(1).max(60),
  type: z.enum(['text', 'number', 'select']),
  required: z.boolean().default(true),
  options: z.array(z.string().trim().min(1).max(60)).min(1).max(50)
    .refine((o) => new Set(o).size === o.length, 'each choice once').optional().describe('select: the choices'),
  min: z.number().optional().describe('number: the smallest allowed'),
  max: z.number().optional().describe('number: the largest allowed'),
  max_length: z.number().int().min(1).max(500).optional().describe('text: at most this many characters (200 when absent)'),
  placeholder: z.string().trim().max(100).optional(),
}).superRefine((f, ctx) => {
  if (f.type === 'select' && !f.options) ctx.addIssue({ code: 'custom', message: 'a select field needs its options', path: ['options'] });
  if (f.type !== 'select' && f.options) ctx.addIssue({ code: 'custom', message: 'only a select field takes options', path: ['options'] });
  if (f.type !== 'number' && (f.min !== undefined || f.max !== undefined)) ctx.addIssue({ code: 'custom', message: 'only a number field takes min and max', path: ['min'] });
  if (f.type !== 'text' && f.max_length !== undefined) ctx.addIssue({ code: 'custom', message: 'only a text field takes max_length', path: ['max_length'] });
  if (f.min !== undefined && f.max !== undefined && f.min > f.max) ctx.addIssue({ code: 'custom', message: 'min must not exceed max', path: ['min'] });
});
export type ManualField = z.infer<typeof ManualField>;

export const ManualInput = z.object({
  fields: z.array(ManualField).min(1, 'ask the buyer at least one thing').max(20).superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', message: `the key "${f.key}" is used twice`, path: [i, 'key'] });
      seen.add(f.key);
    });
  }),
  sla_hours: z.number().int().min(1).max(720).default(24).describe('Hours from payment the shop has to fulfil (the order is flagged overdue after)'),
  auto_refund: z.boolean().default(false).describe('Refund an overdue order in full by itself instead of flagging it'),
}).describe('Required with delivery "manual" (代充/手工): what the buyer fills in at checkout');
export type ManualInput = z.infer<typeof ManualInput>;

/** What the buyer filled in, as kept (encrypted) on the order: each field with the label it had then. */
export type FilledField = { key: string; label: string; value: string };

/**
 * Checks the buyer's answers against the product's fields: every required
 * one present, numbers in range, choices among the options, text not too
 * long, nothing unknown. Throws 422 naming `fields.<key>`.
 */
export function checkFilledFields(fields: ManualField[], given: Record<string, string | number> | undefined): FilledField[] {
  const input = given ?? {};
  const own = (key: string) => (Object.hasOwn(input, key) ? input[key] : undefined);
  for (const key of Object.keys(input)) {
    if (!fields.some((f) => f.key === key)) throw validationError(`this product asks for no field "${key}"`, `fields.${key}`);
  }
  const out: FilledField[] = [];
  for (const f of fields) {
    const raw = own(f.key);
    const text = raw === undefined ? '' : String(raw).trim();
    if (text === '') {
      if (f.required) throw validationError(`${f.label} is required`, `fields.${f.key}`);
      continue;
    }
    if (f.type === 'number') {
      // Plain decimal notation only (no 0x100, no 6.48e2): what the shop reads is what the buyer meant.
      const n = /^-?\d{1,15}(\.\d{1,6})?$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(n)) throw validationError(`${f.label} must be a number`, `fields.${f.key}`);
      if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
        throw validationError(`${f.label} must be between ${f.min ?? '−∞'} and ${f.max ?? '∞'}`, `fields.${f.key}`);
      }
    } else if (f.type === 'select') {
      if (!f.options?.includes(text)) throw validationError(`${f.label} must be one of: ${f.options?.join(', ')}`, `fields.${f.key}`);
    } else if ([...text].length > (f.max_length ?? 200)) {
      throw validationError(`${f.label} is at most ${f.max_length ?? 200} characters`, `fields.${f.key}`);
    }
    out.push({ key: f.key, label: f.label, value: text });
  }
  return out;
}
