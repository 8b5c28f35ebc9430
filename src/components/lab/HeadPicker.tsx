/** Which layer and head the pictures show: one select listing every head of the model. */
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { SelectField } from '../common/SelectField';

/** The picker (hidden for a model of one head). */
export function HeadPicker() {
  const m = useMessages().lab;
  const layers = useAppStore((s) => s.lab.config.layers);
  const heads = useAppStore((s) => s.lab.config.heads);
  const layer = useAppStore((s) => s.lab.layer);
  const head = useAppStore((s) => s.lab.head);
  const setView = useAppStore((s) => s.setLabView);
  if (layers * heads === 1) return null;
  const options = Array.from({ length: layers * heads }, (_, k) => ({
    value: k,
    label: m.layerHead(Math.floor(k / heads) + 1, (k % heads) + 1),
  }));
  return (
    <SelectField<number>
      label={m.view}
      value={layer * heads + head}
      options={options}
      onChange={(k) => setView(Math.floor(k / heads), k % heads)}
    />
  );
}
