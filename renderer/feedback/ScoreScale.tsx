import { Button, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

interface ScoreScaleProps {
  id: string;
  question: string;
  min: number;
  max: number;
  low: string;
  high: string;
  value: number | null;
  onChange(value: number | null): void;
  size?: 'small' | 'middle' | 'large';
}

/** A rating question (CSAT 1–5, NPS 0–10) as a radio group: arrow keys move, the labels say what the ends mean. */
export function ScoreScale({ id, question, min, max, low, high, value, onChange, size = 'middle' }: ScoreScaleProps) {
  const { t } = useTranslation();
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset className="crm-score" data-testid={id}>
      <legend>{question}</legend>
      <div className="crm-score-scale">
        <Radio.Group
          id={id}
          size={size}
          optionType="button"
          buttonStyle="solid"
          value={value}
          onChange={(e) => onChange(e.target.value as number)}
          options={scores.map((s) => ({ value: s, label: String(s) }))}
        />
        <div className="crm-score-ends">
          <span>{min} = {low}</span>
          <span>{max} = {high}</span>
        </div>
      </div>
      {value !== null && (
        <Button type="link" size="small" onClick={() => onChange(null)} style={{ padding: 0 }}>{t('meeting.clearScore')}</Button>
      )}
    </fieldset>
  );
}
