import '../container-details/details.css';
import './image-details.css';
import { useEngineTags } from '../../app/useEngineViews.js';
import { DetailsPageHeader, InspectedBody } from '../../ui/DetailSections.js';
import { shortImageId } from '../images/imageRows.js';
import { runHref } from '../run/runRoute.js';
import { HistoryTable } from './HistoryTable.js';
import { ImageFacts } from './ImageFacts.js';
import { ImageUsers } from './ImageUsers.js';
import { useImageDetails } from './useImageDetails.js';

/**
 * `#/images/<engineId>/<imageId>`: one image of one engine: its config, its layers as
 * `docker history` tells them, digests, platform, the containers made from it, and Run, which
 * opens the Run form for it (the form then offers its exposed ports and volumes).
 */
export function ImageDetailsPage({ engineId, imageId }: { engineId: string; imageId: string }) {
  const { details, history, summary, error, historyError, isGone } = useImageDetails(engineId, imageId);
  const engines = useEngineTags();
  const engine = engines.byId.get(engineId);
  const tags = details?.repoTags ?? summary?.repoTags ?? [];
  const title = tags[0] ?? `image ${shortImageId(imageId)}`;
  // An untagged image is run by its id; a tagged one by its first tag, as the list's Run does.
  const ref = tags[0] ?? imageId;
  return (
    <section className="page details-page image-details-page" aria-labelledby="page-title">
      <DetailsPageHeader
        listHref="#/images"
        listName="images"
        title={title}
        engine={engines.isShown ? (engine ?? null) : null}
        actions={
          !isGone && (
            <a className="button-link button-primary" href={runHref(ref, engines.isShown ? engineId : undefined)} aria-label={`Run ${title}`}>
              Run
            </a>
          )
        }
      />
      <InspectedBody noun="image" listHref="#/images" isGone={isGone} item={details} error={error}>
        {(details) => (
          <>
            <section aria-labelledby="image-users">
              <h2 id="image-users">Containers using it</h2>
              <ImageUsers users={details.containers} />
            </section>
            <section aria-labelledby="image-history">
              <h2 id="image-history">Layers (history)</h2>
              {history !== null ? (
                <HistoryTable history={history} />
              ) : historyError ? (
                <p role="alert" className="error-text">
                  Could not read the history: {historyError.message}
                </p>
              ) : (
                <p className="empty">Loading…</p>
              )}
            </section>
            <ImageFacts details={details} />
          </>
        )}
      </InspectedBody>
    </section>
  );
}
