import { createContext, useContext } from 'react';
import type { BerthClient } from '../../runtime/api/index.js';

/** Gives the client current at call time; reconnects replace it, so never keep one around. */
export type ClientSource = () => BerthClient | null;

export const ClientSourceContext = createContext<ClientSource>(() => null);

export function useClientSource(): ClientSource {
  return useContext(ClientSourceContext);
}
