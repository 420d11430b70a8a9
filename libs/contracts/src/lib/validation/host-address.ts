import { isIP } from 'node:net';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** An IPv4 or IPv6 address (no zone), or an RFC 1123 host name (letters, digits, hyphens; labels of 1–63). */
export function isHostAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 253) return false;
  // No IPv6 zone (fe80::1%eth0): it names an interface of whichever machine connects, and workers differ.
  if (value.includes('%')) return false;
  if (isIP(value) !== 0) return true;
  // All-numeric dotted names are malformed IPv4 addresses, not host names ("10.0.0.256").
  if (/^[\d.]+$/.test(value)) return false;
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  return name.split('.').every((label) => DNS_LABEL.test(label));
}

export function IsHostAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHostAddress',
      validator: {
        validate: (value: unknown) => isHostAddress(value),
        defaultMessage: (args) => `${args?.property ?? 'host'} must be an IPv4 or IPv6 address or an RFC 1123 host name`,
      },
    },
    options,
  );
}
