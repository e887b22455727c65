import { readWhen } from './src/understand/when.ts';
for (const t of ['去年2月我们寄去达卡', 'We shipped to Algiers in May this year', 'last March we sent', '明年3月要寄', 'in March 2024 via the embassy. Sending again next month', 'next month']) console.log(t, JSON.stringify(readWhen(t, '2026-12-06')));
