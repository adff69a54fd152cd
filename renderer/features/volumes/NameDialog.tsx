import { useState } from 'react';
import { volumeNamePattern } from '../../../runtime/api/index.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';

interface NameDialogProps {
  title: string;
  label: string;
  confirmLabel: string;
  initial?: string;
  hint?: string;
  /** Asks for a file too (a browser's restore): the file input's name. */
  fileLabel?: string;
  /** Offers "overwrite" (a restore into a volume that may hold files). */
  offerOverwrite?: boolean;
  onConfirm: (name: string, options: { file: File | null; overwrite: boolean }) => void;
  onClose: () => void;
}

/** Asks for a volume name (a clone's target, a restore's volume), checked as the engine would, and for a restore the file. */
export function NameDialog({ title, label, confirmLabel, initial = '', hint, fileLabel, offerOverwrite = false, onConfirm, onClose }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [file, setFile] = useState<File | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const problem = name === '' ? null : volumeNamePattern.test(name) ? null : `${label}: use 2 or more letters, digits, _ . -, starting with a letter or digit.`;
  const missingFile = fileLabel !== undefined && file === null;
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      tone="normal"
      confirmDisabled={name === '' || problem !== null || missingFile}
      onConfirm={() => {
        onClose();
        onConfirm(name, { file, overwrite });
      }}
      onCancel={onClose}
    >
      <Field label={label} error={problem} {...(hint === undefined ? {} : { hint })}>
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />}
      </Field>
      {fileLabel !== undefined && (
        <Field label={fileLabel} hint="A .tar.gz or .tar, as Back up writes it.">
          {(control) => <input {...control} type="file" accept=".gz,.tgz,.tar,application/gzip,application/x-tar" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
        </Field>
      )}
      {offerOverwrite && (
        <label className="check">
          <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} />
          Overwrite: restore even into a volume that holds files (files of the same name are replaced, the others stay)
        </label>
      )}
    </ConfirmDialog>
  );
}
