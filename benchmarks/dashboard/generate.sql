-- Benchmark data for build.sh (SQLite or PostgreSQL; a PRAGMA line is SQLite's only). @STATE@ is replaced by the state of the benchmark.
PRAGMA foreign_keys = ON;
BEGIN;
-- Every plan entry of the state published, so that the public dashboard shows its ministries and indicators.
UPDATE plan_entries SET status = 'published'
WHERE recommendation_id IN (SELECT r.id FROM recommendations r JOIN states s ON s.id = r.state_id WHERE s.name = '@STATE@');

-- 5,000 indicators over the registry: the n-th tracks the recommendation at position 6n (ordered by id).
CREATE TEMP TABLE picked AS
  SELECT id AS recommendation_id, ROW_NUMBER() OVER (ORDER BY id) AS position FROM recommendations;
CREATE TEMP TABLE chosen AS
  SELECT recommendation_id, position / 6 AS n FROM picked WHERE position % 6 = 0 AND position / 6 <= 5000;
INSERT INTO indicators (id, title, definition, kind, unit, baseline_value, baseline_date, target_value, target_date,
  data_source, frequency, dimensions, responsible_organisation_id, smart_ok, version, created_at, updated_at)
SELECT 1000000 + n, 'Indicator ' || n || ' of recommendation ' || recommendation_id,
  'Number of cases registered in a calendar year under the measure the recommendation asks for (benchmark).',
  CASE n % 3 WHEN 0 THEN 'structural' WHEN 1 THEN 'process' ELSE 'outcome' END, 'cases',
  10 + n % 40, '2012-12-31', 60 + n % 90, '2030-12-31', 'National Statistics Office', 'yearly', 'sex,region',
  (SELECT id FROM organisations WHERE name = 'Ministry of Justice'), 1, 1, '2024-01-01T00:00:00Z',
  '2024-01-01T00:00:00Z'
FROM chosen;
-- Links: the state's indicators through its (published) plan entries, the others to their recommendation.
INSERT INTO indicator_plan_entries (indicator_id, plan_entry_id)
SELECT 1000000 + c.n, p.id FROM chosen c JOIN plan_entries p ON p.recommendation_id = c.recommendation_id;
INSERT INTO indicator_recommendations (indicator_id, recommendation_id)
SELECT 1000000 + n, recommendation_id FROM chosen;

-- 20 accepted yearly measurements per indicator: 100,000.
WITH RECURSIVE year(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM year WHERE k < 19)
INSERT INTO measurements (indicator_id, value, measured_on, source, breakdown, status, review_comment, version,
  created_at, updated_at)
SELECT i.id, i.baseline_value + (i.target_value - i.baseline_value) * (k + 1) / 30.0, (2004 + k) || '-12-31',
  'National Statistics Office', '{}', 'accepted', '', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
FROM indicators i CROSS JOIN year WHERE i.id > 1000000;

-- A closed round of the state: the government, the NHRI and the coalition assessed every recommendation.
INSERT INTO assessment_rounds (state_id, cycle, title, held_on, status, closed_at, version, created_at, updated_at)
SELECT id, NULL, 'Annual assessment 2014', '2014-12-10', 'closed', '2014-12-11T00:00:00Z', 2,
  '2014-12-01T00:00:00Z', '2014-12-11T00:00:00Z' FROM states WHERE name = '@STATE@';
INSERT INTO assessments (round_id, recommendation_id, organisation_id, status, justification, version, created_at,
  updated_at)
SELECT (SELECT MAX(id) FROM assessment_rounds), r.id, o.id,
  CASE (r.id * 7 + o.id * 3) % 5 WHEN 0 THEN 'not-started' WHEN 1 THEN 'partial' WHEN 2 THEN 'partial'
    WHEN 3 THEN 'full' ELSE 'no-data' END,
  'Benchmark assessment', 1, '2014-12-01T00:00:00Z', '2014-12-01T00:00:00Z'
FROM recommendations r JOIN states s ON s.id = r.state_id
CROSS JOIN organisations o
WHERE s.name = '@STATE@'
  AND o.name IN ('Ministry of Justice', 'Commissioner for Human Rights (Ombudsman)', 'NGO Coalition for the UPR');
-- Every cached page computed before this data is stale.
UPDATE content_versions SET version = version + 1;
COMMIT;
ANALYZE;
