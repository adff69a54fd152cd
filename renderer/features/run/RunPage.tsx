import './run.css';
import { useSyncExternalStore } from 'react';
import { RunForm } from './RunForm.js';
import { engineFromRunHash, imageFromRunHash, volumeFromRunHash } from './runRoute.js';

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** `#/run`: "Run a container". A link for another image (or engine) starts a fresh form for it. */
export function RunPage() {
  const image = useSyncExternalStore(subscribeToHash, () => imageFromRunHash(window.location.hash));
  const engineId = useSyncExternalStore(subscribeToHash, () => engineFromRunHash(window.location.hash));
  const volume = useSyncExternalStore(subscribeToHash, () => volumeFromRunHash(window.location.hash));
  return (
    <section className="page run-page" aria-labelledby="page-title">
      <h1 id="page-title">Run a container</h1>
      <RunForm key={`${engineId ?? ''}|${image}|${volume ?? ''}`} initialImage={image} initialEngine={engineId} initialVolume={volume} />
    </section>
  );
}
