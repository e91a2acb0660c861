// Catalogues compiled by scripts/i18n-vite.mjs from src/locales/<lang>.json.
declare module 'virtual:upright-catalog/*' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}

declare module 'virtual:upright-catalog/sw' {
  import type { AllMessages } from '@lingui/core';
  export const catalogs: AllMessages;
}
