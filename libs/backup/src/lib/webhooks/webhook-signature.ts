import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Netkeep-Signature';
export const EVENT_HEADER = 'X-Netkeep-Event';
export const DELIVERY_HEADER = 'X-Netkeep-Delivery';

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the webhook's secret. */
export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * For receivers: whether `header` (the X-Netkeep-Signature value) signs `rawBody` with `secret`.
 * Verify the raw bytes as received, before parsing; the comparison takes constant time.
 */
export function verifyWebhookSignature(rawBody: string | Buffer, header: string | string[] | undefined | null, secret: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(value.trim())) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret).slice('sha256='.length), 'hex');
  const given = Buffer.from(value.trim().slice('sha256='.length).toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
