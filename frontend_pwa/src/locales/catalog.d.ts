// Catalogues compiled by scripts/i18n-vite.mjs from src/locales/<lang>.json.
declare module 'virtual:upright-catalog/*' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
