/**
 * Contract documentation as the user reads it: the `backticked` parts (flags, values, paths) as
 * code. The text is Berth's own (schema descriptions), split into React text nodes, never HTML.
 */
export function DocText({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
    </>
  );
}
