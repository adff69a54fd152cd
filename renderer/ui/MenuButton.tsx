import './ui.css';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  /** Visible text and accessible name of the item. */
  label: string;
  onSelect: () => void;
  disabled?: boolean;
}

interface MenuButtonProps {
  /** Accessible name of the button and of the menu, e.g. "More actions for web". */
  label: string;
  /** What the button shows; defaults to an ellipsis. */
  text?: string;
  items: readonly MenuItem[];
  disabled?: boolean;
}

/**
 * A button that opens a menu (WAI-ARIA menu button). The menu is rendered into <body> with fixed
 * positioning because rows clip their cells (overflow hidden) and a virtual list moves them;
 * for the same reason it closes on any scroll. Arrow keys, Home/End move; Escape closes and
 * gives focus back to the button.
 */
export function MenuButton({ label, text = '⋯', items, disabled = false }: MenuButtonProps) {
  const [position, setPosition] = useState<{ top: number; right: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const isOpen = position !== null;

  const open = () => {
    const rect = buttonRef.current?.getBoundingClientRect();
    setPosition({ top: rect?.bottom ?? 0, right: rect ? window.innerWidth - rect.right : 0 });
  };
  const close = (refocus: boolean) => {
    setPosition(null);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!isOpen) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onPointerDown = (event: Event) => {
      const target = event.target as Node | null;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setPosition(null);
    };
    const onScrollOrResize = () => setPosition(null);
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('scroll', onScrollOrResize, true);
    window.addEventListener('resize', onScrollOrResize);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('scroll', onScrollOrResize, true);
      window.removeEventListener('resize', onScrollOrResize);
    };
  }, [isOpen]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const enabled = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const index = enabled.findIndex((item) => item === document.activeElement);
    const focusAt = (next: number) => enabled[(next + enabled.length) % enabled.length]?.focus();
    if (event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowUp') focusAt(index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(enabled.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <>
      <button
        type="button"
        ref={buttonRef}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        disabled={disabled}
        onClick={() => (isOpen ? close(false) : open())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !isOpen) {
            event.preventDefault();
            open();
          }
        }}
      >
        {text}
      </button>
      {position &&
        createPortal(
          <div id={menuId} ref={menuRef} role="menu" aria-label={label} className="menu" style={{ top: position.top, right: position.right }} onKeyDown={onMenuKeyDown}>
            {items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={item.disabled}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
