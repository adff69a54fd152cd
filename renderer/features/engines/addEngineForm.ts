import type { MethodParams } from '../../../runtime/api/index.js';

/** What the "Add engine" form holds: text as typed, paths as paths (never file contents). */
export interface AddEngineDraft {
  url: string;
  name: string;
  caPath: string;
  certPath: string;
  keyPath: string;
  verify: boolean;
  sshConfigPath: string;
}

export type AddEngineField = keyof AddEngineDraft;
export type AddEngineErrors = Partial<Record<AddEngineField, string>>;

export const emptyAddEngineDraft: AddEngineDraft = { url: '', name: '', caPath: '', certPath: '', keyPath: '', verify: true, sshConfigPath: '' };

/** Which extra fields a URL takes: TLS paths for `tcp://`, an ssh config for `ssh://`. */
export function urlKind(url: string): 'tcp' | 'ssh' | 'other' {
  const scheme = /^([a-z]+):\/\//i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme === 'tcp' ? 'tcp' : scheme === 'ssh' ? 'ssh' : 'other';
}

/** The schemes an engine URL may have, as the docker CLI writes them (http(s) for `tcp` spelled by scheme). */
const knownScheme = /^(unix|tcp|ssh|http|https):\/\//i;

/** What can be told before asking: the URL is there and looks like an engine URL. The backend checks the rest. */
export function checkAddEngineDraft(draft: AddEngineDraft): AddEngineErrors {
  const url = draft.url.trim();
  if (url === '') return { url: 'URL is required.' };
  if (!knownScheme.test(url)) return { url: 'URL must start with unix://, tcp:// or ssh://.' };
  return {};
}

/**
 * `engines.add`'s params: TLS only for `tcp://` and only when a path is given (none: plain TCP),
 * the ssh config only for `ssh://`, and nothing empty.
 */
export function addEngineParams(draft: AddEngineDraft): MethodParams<'engines.add'> {
  const params: MethodParams<'engines.add'> = { url: draft.url.trim() };
  const name = draft.name.trim();
  if (name !== '') params.name = name;
  const kind = urlKind(draft.url);
  if (kind === 'tcp') {
    const paths = { caPath: draft.caPath.trim(), certPath: draft.certPath.trim(), keyPath: draft.keyPath.trim() };
    if (paths.caPath !== '' || paths.certPath !== '' || paths.keyPath !== '') {
      params.tls = {
        verify: draft.verify,
        ...(paths.caPath === '' ? {} : { caPath: paths.caPath }),
        ...(paths.certPath === '' ? {} : { certPath: paths.certPath }),
        ...(paths.keyPath === '' ? {} : { keyPath: paths.keyPath }),
      };
    }
  }
  if (kind === 'ssh' && draft.sshConfigPath.trim() !== '') params.sshConfigPath = draft.sshConfigPath.trim();
  return params;
}

const fieldsByParam: Record<string, AddEngineField> = {
  url: 'url',
  name: 'name',
  'tls.caPath': 'caPath',
  'tls.certPath': 'certPath',
  'tls.keyPath': 'keyPath',
  'tls.verify': 'verify',
  sshConfigPath: 'sshConfigPath',
};

/** What the form calls each field: its label, also used to name the field in a message. */
export const addEngineLabels: Record<AddEngineField, string> = {
  url: 'URL',
  name: 'Name',
  caPath: 'CA certificate',
  certPath: 'Client certificate',
  keyPath: 'Client key',
  verify: "Verify the engine's certificate",
  sshConfigPath: 'ssh config file',
};

/** The form field a backend error names (`details.field`, e.g. `tls.caPath`), or null for none the form shows. */
export function addEngineFieldOf(field: unknown): AddEngineField | null {
  return typeof field === 'string' ? (fieldsByParam[field] ?? null) : null;
}
