#!/usr/bin/env bash
# docs/walkthrough.sh: the README's curl walkthrough, runnable (tests/walkthrough.t
# runs it, so the README cannot drift from what the API does).
#
# One Bexley referral from Front Door-MASH to an allocated key worker, then an
# overdue timescale after moving the virtual clock. Start a server first:
#   build/casework serve --db /tmp/walk.db --clock virtual --start 2026-01-05T09:00:00Z --demo
# and run: CASEWORK_URL=http://127.0.0.1:8080 docs/walkthrough.sh
set -euo pipefail
URL=${CASEWORK_URL:-http://127.0.0.1:8080}
MASH="Authorization: Bearer demo-bexley-mash-practitioner"
DUTY="Authorization: Bearer demo-bexley-duty-manager"
KW="Authorization: Bearer demo-bexley-key-worker"

# 1. A MASH practitioner records the contact (L197): the case opens in contact_received.
CASE=$(curl -sf -H "$MASH" -X POST "$URL/cases" -d '{
  "workflow": "family_wellbeing",
  "data": {"referrer": "Erith Primary School", "referral_route": "professional_referral",
           "written_consent": true},
  "members": [{"id": "amy", "name": "Amy", "role": "child", "dob": "2016-05-01"},
              {"id": "sam", "name": "Sam", "role": "parent", "dob": "1988-02-11"}]}' | jq .id)
echo "opened case $CASE"

# 2. MASH option c (L201): route to the Family Wellbeing Service inbox.
curl -sf -H "$MASH" -X POST "$URL/cases/$CASE/actions/mash_route_to_fws" -d '{}' | jq -r .state

# 3. The duty manager accepts it (L205), checking consent and eligibility (L181-L195).
curl -sf -H "$DUTY" -X POST "$URL/cases/$CASE/actions/accept_referral" -d '{"input": {
  "factors": ["mental_ill_health"], "tier_three": true, "not_in_need_or_at_risk": true}}' | jq -r .state

# 4. Two allocation clocks now run: 72 hours (L205) and 3 working days (L233).
curl -sf -H "$DUTY" "$URL/cases/$CASE" | jq -r '.timescales[] | select(.status == "pending") | "\(.key)\t\(.due)\tL\(.line)"'

# 5. A key worker cannot take a manager's action: 403 with the rule.
curl -s -H "$KW" -X POST "$URL/cases/$CASE/actions/accept_referral" -d '{}' | jq -c .error

# 6. The duty manager allocates the key worker (L233) with the allocation note (L236-L237).
KWID=$(curl -sf -H "$DUTY" "$URL/users" | jq '.users[] | select(.roles | index("key_worker")) | .id' | head -1)
curl -sf -H "$DUTY" -X POST "$URL/cases/$CASE/actions/allocate_key_worker" -d "{\"input\": {
  \"key_worker\": $KWID, \"children_count\": 1, \"needs_summary\": \"low mood, attendance\",
  \"wellbeing_scaling\": 4, \"initial_visit_by\": \"2026-01-09\", \"assessment_by\": \"2026-02-02\",
  \"planning_meeting_by\": \"2026-02-06\", \"case_review_by\": \"2026-04-05\"}}" | jq -r '.state, .assigned'

# 7. Three weeks pass with no introductory visit: move the virtual clock.
curl -sf -H "$DUTY" -X POST "$URL/clock" -d '{"now": "2026-01-26T09:00:00Z"}' | jq -c .

# 8. The key worker sees what is overdue on the case, and the manager across the authority.
curl -sf -H "$KW" "$URL/cases/$CASE" | jq -r '.timescales[] | select(.status == "breached") | "\(.key)\tdue \(.due)\tL\(.line)"'
curl -sf -H "$DUTY" "$URL/timescales?status=breached" | jq -r '.timescales[] | "case \(.case_id)\t\(.key)\t\(.due)"'
