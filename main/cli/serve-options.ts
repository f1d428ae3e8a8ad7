/** The options of `rebate serve` (the server itself loads only when the command runs). */
export const SERVE_OPTIONS = {
  listen: { value: true },
  'tls-cert': { value: true },
  'tls-key': { value: true },
  'idle-minutes': { value: true },
  'trust-proxy': { value: true },
  'renew-certificate': { value: false },
  'max-upload-mb': { value: true },
  static: { value: true },
} as const;
