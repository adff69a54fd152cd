import { useId, useMemo } from 'react';
import { imageSuggestions, isImagePresent } from '../model/imageRefs.js';
import type { LocalImages } from '../useLocalImages.js';
import { TextField } from './controls.js';
import { useRunForm } from './runFormContext.js';

interface ImageSectionProps {
  image: string;
  name: string;
  images: LocalImages;
}

export function ImageSection({ image, name, images }: ImageSectionProps) {
  const { dispatch } = useRunForm();
  const listId = useId();
  const suggestions = useMemo(() => (images.state === 'ready' ? imageSuggestions(images.images) : []), [images]);
  return (
    <fieldset className="run-section">
      <legend>Image</legend>
      <TextField
        field="image"
        value={image}
        list={listId}
        placeholder="busybox, nginx:1.27, registry:5000/team/app:1.2"
        hint={imageHint(image, images)}
        onChange={(value) => dispatch({ type: 'set', key: 'image', value })}
      />
      <datalist id={listId}>
        {suggestions.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <TextField
        field="name"
        value={name}
        placeholder="chosen by the engine"
        onChange={(value) => dispatch({ type: 'set', key: 'name', value })}
      />
    </fieldset>
  );
}

/** Says before Run whether the image will be pulled first, so the wait that follows is no surprise. */
function imageHint(image: string, images: LocalImages): string {
  if (images.state === 'loading') return 'Suggestions: the images on the engine (loading).';
  const count = images.images.length;
  if (image.trim() === '') return `Suggestions: the ${count} ${count === 1 ? 'image' : 'images'} on the engine.`;
  return isImagePresent(image, images.images) ? 'On the engine.' : 'Not on the engine yet: it is pulled first, with progress.';
}
