// The document picker: a native file input (keyboard and screen-reader friendly) inside a drop zone.

import { t } from './i18n.js';

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const one = (n) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes < 1024 * 1024) return `${one(bytes / 1024)} KB`;
  return `${one(bytes / 1024 / 1024)} MB`;
}

/** Wires input + drop zone; shows the chosen file's name and size; calls onChange(file) on every choice. */
export class FilePicker {
  constructor({ input, nameElement, dropzone, onChange = () => {} }) {
    this.input = input;
    this.nameElement = nameElement;
    this.dropzone = dropzone;
    this.onChange = onChange;
    input.addEventListener('change', () => this.changed());
    ['dragenter', 'dragover'].forEach((type) => dropzone.addEventListener(type, (e) => {
      e.preventDefault();
      dropzone.classList.add('dragging');
    }));
    ['dragleave', 'drop'].forEach((type) => dropzone.addEventListener(type, () => {
      dropzone.classList.remove('dragging');
    }));
    dropzone.addEventListener('drop', (e) => {
      e.preventDefault();
      if (e.dataTransfer?.files?.length) {
        input.files = e.dataTransfer.files;
        this.changed();
      }
    });
  }

  file() {
    return this.input.files[0] || null;
  }

  /** Shows the current choice again (also after a language switch). */
  refresh() {
    const file = this.file();
    this.nameElement.textContent = file ? `${file.name} (${formatSize(file.size)})` : t('form.file.none');
    this.dropzone.classList.toggle('has-file', Boolean(file));
  }

  changed() {
    this.refresh();
    this.onChange(this.file());
  }
}
