export default { test: { include: ['flow.spec.tsx'] } };
