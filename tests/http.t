#!/usr/bin/env perl
# tests/http.t: the JSON API end to end (DESIGN.md §6, engine/http_routes.c).
#
# Every route; every error status (400 401 403 404 405 409 413 422), each
# checked to have written nothing (a sqlite3 .dump of the store before and
# after); tenancy between two authorities; list filters and cursor
# pagination; the virtual clock and breaches; concurrent clients followed by
# `casework verify`; /metrics; the access log free of personal data; POST
# /clock on a real clock; and a last check that no route of the table went
# untested. Hermetic: temp dirs, port 0, every server killed at exit.
use v5.36;
use strict;
use warnings;
use FindBin;
use File::Temp qw(tempdir);
use File::Path qw(make_path);
use File::Copy qw(copy);
use HTTP::Tiny;
use JSON::PP;
use POSIX qw(WNOHANG);
use Socket qw(IPPROTO_TCP TCP_NODELAY);
use Time::HiRes qw(time sleep);
use Test::More;

my $repo = "$FindBin::Bin/..";
my $bin = $ENV{CASEWORK} // "$repo/build/casework";
my $ref = "$repo/tests/reference";
my $tmp = tempdir('casework-http-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $json = JSON::PP->new->canonical->allow_nonref;
my $main_pid = $$;
# Die by exit, not by the signal, so that END still kills the servers.
$SIG{$_} = sub { exit 1 } for qw(INT TERM HUP PIPE);

# HTTP::Tiny writes the head and the body of a POST separately; with Nagle
# and delayed ACKs each POST would then wait 40 ms. Disable Nagle.
{
	no warnings 'redefine';
	my $connect = \&HTTP::Tiny::Handle::connect;
	*HTTP::Tiny::Handle::connect = sub {
		my $h = $connect->(@_);
		setsockopt($h->{fh}, IPPROTO_TCP, TCP_NODELAY, 1);
		return $h;
	};
}

# --- servers ---------------------------------------------------------------------

my @servers;
END {
	if ($$ == $main_pid) {
		for my $s (@servers) {
			next unless kill 0, $s->{pid};
			kill 'KILL', $s->{pid};
			waitpid $s->{pid}, 0;
		}
	}
}

sub slurp($path) {
	open my $fh, '<', $path or return '';
	local $/;
	return scalar <$fh>;
}

# Start `casework serve` on port 0 and wait until it answers /health.
sub start_server(%o) {
	state $n = 0;
	$n++;
	my $out = "$tmp/serve$n.out";
	my $err = "$tmp/serve$n.err";
	my @cmd = ($bin, 'serve', '--db', $o{db}, '--listen', '127.0.0.1:0', '--clock', $o{clock} // 'virtual',
		($o{start} ? ('--start', $o{start}) : ()), '--demo', '--root', $o{root});
	my $pid = fork // die "fork: $!";
	if (!$pid) {
		open STDOUT, '>', $out or POSIX::_exit(126);
		open STDERR, '>', $err or POSIX::_exit(126);
		exec @cmd or POSIX::_exit(127);
	}
	my $s = { pid => $pid, out => $out, err => $err, db => $o{db} };
	push @servers, $s;
	my $deadline = time + 15;
	while (time < $deadline) {
		if (slurp($out) =~ m{casework is serving on http://(127\.0\.0\.1:\d+)}) {
			$s->{base} = "http://$1";
			last;
		}
		if (waitpid($pid, WNOHANG) == $pid) {
			$s->{dead} = 1;
			diag "server exited: " . slurp($err);
			return $s;
		}
		sleep 0.02;
	}
	die "server did not start: " . slurp($err) unless $s->{base};
	my $http = HTTP::Tiny->new(timeout => 5);
	while (time < $deadline) {
		last if $http->get("$s->{base}/health")->{status} == 200;
		sleep 0.02;
	}
	return $s;
}

sub stop_server($s) {
	kill 'TERM', $s->{pid};
	my $deadline = time + 10;
	while (time < $deadline) {
		return 1 if waitpid($s->{pid}, WNOHANG) == $s->{pid};
		sleep 0.02;
	}
	kill 'KILL', $s->{pid};
	waitpid $s->{pid}, 0;
	return 0;
}

# --- requests -------------------------------------------------------------------

my $ua = HTTP::Tiny->new(timeout => 10, keep_alive => 1);
my %exercised;   # "METHOD path" => [statuses]

sub req($s, $method, $path, $token = undef, $body = undef) {
	my %h;
	$h{Authorization} = "Bearer $token" if defined $token;
	my %opt = (headers => \%h);
	if (defined $body) {
		$opt{content} = ref $body ? $json->encode($body) : $body;
		$h{'Content-Type'} = 'application/json';
	}
	my $r = $ua->request($method, "$s->{base}$path", \%opt);
	my $decoded = eval { $json->decode($r->{content}) };
	(my $bare = $path) =~ s/\?.*//;
	push @{ $exercised{"$method $bare"} }, $r->{status};
	return ($r->{status}, $decoded, $r->{content}, $r);
}

sub dump_db($db) {
	my $d = `sqlite3 '$db' .dump 2>&1`;
	die "sqlite3 .dump failed: $d" if $?;
	# The read log (who looked) is written in batches every 200 ms, so an
	# earlier successful GET's read may land at any moment: leave it out.
	$d =~ s/^INSERT INTO reads .*\n//mg;
	return $d;
}

# A refused request: its status and error code, the error shape, and nothing
# written to the store.
sub refused($s, $name, $method, $path, $token, $body, $status, $code, %want) {
	subtest "$name: $status $code, nothing written" => sub {
		my $before = dump_db($s->{db});
		my ($st, $j, $raw) = req($s, $method, $path, $token, $body);
		is $st, $status, "status $status" or diag $raw;
		ok ref $j eq 'HASH' && ref $j->{error} eq 'HASH' && keys %$j == 1, 'body is {"error": {...}}' or diag $raw;
		is $j->{error}{code}, $code, "code $code";
		ok defined $j->{error}{message} && length $j->{error}{message}, 'has a message';
		is $j->{error}{field}, $want{field}, "names the field '$want{field}'" if exists $want{field};
		like $j->{error}{message}, $want{message}, "message says $want{message}" if $want{message};
		is $j->{error}{line}, $want{line}, "line $want{line}" if $want{line};
		my $after = dump_db($s->{db});
		ok $before eq $after, 'the store is unchanged (sqlite3 .dump)';
		$want{also}->($j) if $want{also};
	};
}

sub ok_status($what, $got, $want, $raw) {
	is $got, $want, $what or diag substr($raw // '', 0, 600);
}

sub ts_of($view, $key) {
	my ($t) = grep { $_->{key} eq $key } @{ $view->{timescales} };
	return $t;
}

# --- a root with two authorities: testshire and its twin otherton -----------------

my $root = "$tmp/root";
make_path("$root/authorities", "$root/workflows/testshire", "$root/workflows/otherton");
copy("$ref/authorities/testshire.lua", "$root/authorities/testshire.lua") or die;
{
	my $a = slurp("$ref/authorities/testshire.lua");
	$a =~ s/testshire/otherton/g;
	$a =~ s/Testshire/Otherton/g;
	open my $fh, '>', "$root/authorities/otherton.lua" or die;
	print $fh $a;
}
for my $w (qw(referral support)) {
	copy("$ref/workflows/testshire/$w.lua", "$root/workflows/testshire/$w.lua") or die;
	# Not byte-identical to testshire's (identical files are tested at the end).
	open my $fh, '>', "$root/workflows/otherton/$w.lua" or die;
	print $fh slurp("$ref/workflows/testshire/$w.lua"), "-- otherton's copy\n";
}

# Users made before the server starts: a second key worker and an auditor.
my $db = "$tmp/api.db";
sub user_add($authority, $role, $name, $team = undef) {
	my $out = `'$bin' user add --authority $authority --role $role --name '$name' --db '$db' --root '$root' @{[ $team ? "--team $team" : '' ]} 2>&1`;
	die "user add failed: $out" if $?;
	$out =~ /^token\s+([0-9a-f]{64})/m or die "no token in: $out";
	return $1;
}
my $kw2 = user_add('testshire', 'key_worker', 'Kay Second');
my $aud = user_add('testshire', 'auditor', 'Audrey Auditor');
my $oaud = user_add('otherton', 'auditor', 'Otto Auditor');

my $start = '2026-01-05T09:00:00Z';   # a Monday
my $S = start_server(db => $db, root => $root, clock => 'virtual', start => $start);
my ($tri, $mgr, $kw) = map { "demo-testshire-$_" } qw(triage manager kw);
my ($otri, $omgr, $okw) = map { "demo-otherton-$_" } qw(triage manager kw);

# The personal data sent below must never reach the access log.
my $secret_child = 'Zebedee Quokkaface';
my $secret_parent = 'Philippa Marblewhistle';
my $secret_referrer = 'Dr Secretname of Hidden Lane';

# --- public routes --------------------------------------------------------------

{
	my ($st, $j, $raw) = req($S, 'GET', '/health');
	ok_status('GET /health: 200 without a token', $st, 200, $raw);
	is_deeply [ @$j{qw(status clock cases)} ], [ 'ok', 'virtual', 0 ], 'health: ok, virtual clock, no cases';
	($st, undef, $raw) = req($S, 'GET', '/metrics');
	ok_status('GET /metrics: 200 without a token', $st, 200, $raw);
	like $raw, qr/^casework_timescales\{status="pending"\} 0$/m, 'metrics: pending gauge';
}

# --- authentication ---------------------------------------------------------------

refused($S, 'no Authorization header', 'GET', '/workflows', undef, undef, 401, 'unauthorized');
refused($S, 'unknown token', 'GET', '/cases', 'not-a-token', undef, 401, 'unauthorized');
refused($S, 'unknown token on a write', 'POST', '/cases', 'demo-testshire-triagex',
	{ workflow => 'referral', data => { referrer => 'x', consent => JSON::PP::true } }, 401, 'unauthorized');
{
	my $before = dump_db($db);
	my $r = $ua->request('GET', "$S->{base}/cases", { headers => { Authorization => "Basic $tri" } });
	is $r->{status}, 401, 'a Basic scheme is 401';
	$r = $ua->request('GET', "$S->{base}/cases", { headers => { Authorization => 'Bearer ' } });
	is $r->{status}, 401, 'an empty Bearer token is 401';
	$r = $ua->request('GET', "$S->{base}/cases", { headers => { Authorization => 'Bearer ' . ('x' x 300) } });
	is $r->{status}, 401, 'an overlong token is 401';
	is dump_db($db), $before, '401s wrote nothing';
}

# --- workflows and users --------------------------------------------------------

my %uid;
{
	my ($st, $j, $raw) = req($S, 'GET', '/workflows', $tri);
	ok_status('GET /workflows: 200', $st, 200, $raw);
	my %wf = map { $_->{id} => $_ } @{ $j->{workflows} };
	is_deeply [ sort keys %wf ], [qw(referral support)], "workflows: testshire's two";
	my ($accept) = grep { $_->{name} eq 'accept' } @{ $wf{referral}{actions} };
	is $accept->{line}, 50, 'workflows: actions carry their procedure line';
	my ($t) = grep { $_->{name} eq 'allocation' } @{ $wf{referral}{timescales} };
	is $t->{line}, 41, 'workflows: timescales carry their procedure line';

	($st, $j, $raw) = req($S, 'GET', '/users', $tri);
	ok_status('GET /users: 200', $st, 200, $raw);
	%uid = map { $_->{name} => $_->{id} } @{ $j->{users} };
	ok $uid{'Kit Worker'} && $uid{'Kay Second'} && $uid{'Audrey Auditor'}, 'users: demo and added users listed';
	ok !exists $uid{'Otto Auditor'}, "users: not another authority's";
}

# --- opening cases --------------------------------------------------------------

my $referral = {
	workflow => 'referral',
	data => { referrer => $secret_referrer, consent => JSON::PP::true, urgency => 'routine' },
	members => [
		{ id => 'zeb', name => $secret_child, role => 'child', dob => '2015-03-01' },
		{ id => 'pip', name => $secret_parent, role => 'parent', dob => '1985-07-12' },
	],
};
my ($A, $B);
{
	my ($st, $j, $raw) = req($S, 'POST', '/cases', $tri, $referral);
	ok_status('POST /cases: 201', $st, 201, $raw);
	$A = $j->{id};
	is $j->{state}, 'received', 'opened in the initial state';
	my $t = ts_of($j, 'triage#1');
	is_deeply [ $t->{status}, $t->{due} ], [ 'pending', '2026-01-06T09:00:00Z' ], 'triage: pending, due in 24 hours';
	is_deeply [ sort map { $_->{name} } @{ $j->{actions} } ], [qw(accept decline)], "the view lists the caller's actions";
	($st, $j, $raw) = req($S, 'POST', '/cases', $tri,
		{ workflow => 'referral', data => { referrer => 'gp', consent => JSON::PP::false } });
	ok_status('POST /cases without consent: 201', $st, 201, $raw);
	$B = $j->{id};
}

my $good = { workflow => 'referral', data => { referrer => 'x', consent => JSON::PP::true } };
refused($S, 'malformed JSON', 'POST', '/cases', $tri, '{"workflow": "referral",', 400, 'malformed_json',
	message => qr/line 1, column \d+.*byte 24|byte 24/);
refused($S, 'malformed JSON (a stray comma)', 'POST', '/cases', $tri, '{"workflow": "referral",}', 400, 'malformed_json',
	message => qr/at line 1, column \d+ \(byte \d+\)/);
refused($S, 'duplicate JSON key', 'POST', '/cases', $tri, '{"workflow": "referral", "workflow": "x"}', 400, 'malformed_json');
refused($S, 'trailing garbage after JSON', 'POST', '/cases', $tri, '{"workflow": "referral"} x', 400, 'malformed_json');
refused($S, 'body over 1 MiB', 'POST', '/cases', $tri,
	'{"workflow": "referral", "data": {"referrer": "' . ('x' x (1024 * 1024)) . '"}}', 413, 'too_large',
	message => qr/limit is 1048576/);
refused($S, 'body is an array', 'POST', '/cases', $tri, '[1]', 422, 'invalid_input', field => 'body');
refused($S, 'workflow missing', 'POST', '/cases', $tri, { data => {} }, 422, 'invalid_input', field => 'workflow');
refused($S, 'unknown workflow', 'POST', '/cases', $tri, { workflow => 'nope' }, 422, 'invalid_input', field => 'workflow');
refused($S, "another authority's workflow name is not a way in", 'POST', '/cases', $tri,
	{ workflow => 'referral', data => { referrer => 'x', consent => JSON::PP::true }, authority => 'otherton' },
	422, 'invalid_input', field => 'authority');
refused($S, 'data of the wrong type', 'POST', '/cases', $tri,
	{ workflow => 'referral', data => { referrer => 'x', consent => 'yes' } }, 422, 'invalid_input', field => 'data.consent');
refused($S, 'required data missing', 'POST', '/cases', $tri,
	{ workflow => 'referral', data => { consent => JSON::PP::true } }, 422, 'invalid_input', field => 'data.referrer');
refused($S, 'enum value not listed', 'POST', '/cases', $tri,
	{ workflow => 'referral', data => { referrer => 'x', consent => JSON::PP::true, urgency => 'soon' } }, 422, 'invalid_input',
	field => 'data.urgency');
refused($S, 'a child without a date of birth', 'POST', '/cases', $tri,
	{ %$good, members => [ { name => 'C', role => 'child' } ] }, 422, 'invalid_input', field => 'members[0].dob');
refused($S, 'an impossible date of birth', 'POST', '/cases', $tri,
	{ %$good, members => [ { name => 'C', role => 'child', dob => '2015-02-30' } ] }, 422, 'invalid_input',
	field => 'members[0].dob');
refused($S, 'not an entry state', 'POST', '/cases', $tri, { %$good, state => 'plan' }, 422, 'invalid_input', field => 'state');
refused($S, 'a key worker may not open a referral', 'POST', '/cases', $kw, $good, 403, 'wrong_role');

# --- reading a case ----------------------------------------------------------------

{
	my ($st, $j, $raw) = req($S, 'GET', "/cases/$A", $kw);
	ok_status('GET /cases/{id}: 200', $st, 200, $raw);
	is_deeply $j->{actions}, [], 'a key worker may take no action on a received referral';
	is scalar @{ $j->{members} }, 2, 'members in the view';
}

# --- actions and their refusals -----------------------------------------------------

refused($S, 'a key worker takes a triage action', 'POST', "/cases/$A/actions/accept", $kw, undef, 403, 'wrong_role',
	message => qr/^L50: /);
refused($S, 'wrong state', 'POST', "/cases/$A/actions/close", $mgr, undef, 409, 'wrong_state',
	message => qr/^L64: .*'received'/);
refused($S, 'input of the wrong type', 'POST', "/cases/$A/actions/decline", $tri, { input => { reason => 5 } }, 422,
	'invalid_input', field => 'reason');
refused($S, 'required input missing', 'POST', "/cases/$A/actions/decline", $tri, { input => {} }, 422, 'invalid_input',
	field => 'reason', message => qr/required/);
refused($S, 'an unknown input field', 'POST', "/cases/$A/actions/decline", $tri, { input => { reason => 'r', why => 'w' } },
	422, 'invalid_input', field => 'why');
refused($S, 'an unknown body field', 'POST', "/cases/$A/actions/accept", $tri, { inputs => {} }, 422, 'invalid_input',
	field => 'inputs');
refused($S, 'input is not an object', 'POST', "/cases/$A/actions/accept", $tri, { input => [1] }, 422, 'invalid_input',
	field => 'input');
refused($S, 'action body is not an object', 'POST', "/cases/$A/actions/accept", $tri, '"accept"', 422, 'invalid_input',
	field => 'body');
refused($S, 'malformed JSON on an action', 'POST', "/cases/$A/actions/decline", $tri, '{"input": {"reason": "x"', 400,
	'malformed_json', message => qr/line 1, column \d+/);
refused($S, 'body over 1 MiB on an action', 'POST', "/cases/$A/actions/decline", $tri,
	$json->encode({ input => { reason => 'y' x (1024 * 1024 + 1) } }), 413, 'too_large');
refused($S, 'unknown action', 'POST', "/cases/$A/actions/fly", $tri, undef, 404, 'unknown_action');
refused($S, 'guard refusal', 'POST', "/cases/$B/actions/accept", $tri, undef, 409, 'guard_failed',
	message => qr/^L51: written consent is required/, line => 51);

{
	my ($st, $j, $raw) = req($S, 'POST', "/cases/$A/actions/accept", $tri);
	ok_status('POST /cases/{id}/actions/accept: 200', $st, 200, $raw);
	is $j->{state}, 'awaiting_allocation', 'accepted';
	is ts_of($j, 'triage#1')->{status}, 'met', 'triage met';
	is ts_of($j, 'allocation#1')->{due}, '2026-01-08T23:59:59Z', 'allocation due on the 3rd working day';
}
refused($S, "a key worker takes a manager's action", 'POST', "/cases/$A/actions/allocate", $kw,
	{ input => { key_worker => $uid{'Kit Worker'}, rationale => 'x' } }, 403, 'wrong_role', message => qr/^L54: /);
refused($S, 'a user field given a name', 'POST', "/cases/$A/actions/allocate", $mgr,
	{ input => { key_worker => 'kw', rationale => 'x' } }, 422, 'invalid_input', field => 'key_worker');
refused($S, 'a user field given a user without the role', 'POST', "/cases/$A/actions/allocate", $mgr,
	{ input => { key_worker => $uid{'Audrey Auditor'}, rationale => 'x' } }, 422, 'invalid_input', field => 'key_worker');
refused($S, "a user field given another authority's user", 'POST', "/cases/$A/actions/allocate", $mgr,
	{ input => { key_worker => 999999, rationale => 'x' } }, 422, 'invalid_input', field => 'key_worker');
refused($S, "the created record's required field missing", 'POST', "/cases/$A/actions/allocate", $mgr,
	{ input => { key_worker => $uid{'Kit Worker'} } }, 422, 'invalid_input', field => 'rationale');
{
	my ($st, $j, $raw) = req($S, 'POST', "/cases/$A/actions/allocate", $mgr,
		{ input => { key_worker => $uid{'Kit Worker'}, rationale => 'skills', first_visit_by => '2026-01-09' } });
	ok_status('allocate: 200', $st, 200, $raw);
	is $j->{assigned}, $uid{'Kit Worker'}, 'assigned to the key worker';
	is scalar(grep { $_->{type} eq 'allocation_note' } @{ $j->{records} }), 1, 'allocation note created';
}

# Records: POST /cases/{id}/records {type, fields}
refused($S, 'a record by someone not assigned', 'POST', "/cases/$A/records", $tri,
	{ type => 'case_note', fields => { summary => 'x' } }, 403, 'wrong_role');
refused($S, 'an unknown record type', 'POST', "/cases/$A/records", $kw, { type => 'diary', fields => {} }, 422,
	'invalid_input', field => 'type');
refused($S, "a record's required field missing", 'POST', "/cases/$A/records", $kw, { type => 'case_note', fields => {} }, 422,
	'invalid_input', field => 'fields.summary');
refused($S, 'a member field naming no member', 'POST', "/cases/$A/records", $kw,
	{ type => 'case_note', fields => { summary => 's', member => 'nobody' } }, 422, 'invalid_input', field => 'fields.member');
refused($S, 'a record body that is not an object', 'POST', "/cases/$A/records", $kw, '[]', 422, 'invalid_input', field => 'body');
{
	my ($st, $j, $raw) = req($S, 'POST', "/cases/$A/records", $kw,
		{ type => 'case_note', fields => { summary => 'visited', member => 'zeb' } });
	ok_status('POST /cases/{id}/records: 200', $st, 200, $raw);
	is scalar(grep { $_->{type} eq 'case_note' } @{ $j->{records} }), 1, 'case note stored';
	my ($seen) = grep { $_->{name} eq 'child_seen' && $_->{occurrence} == 1 } @{ $j->{timescales} };
	is $seen->{status}, 'met', "the child's clock is met by the note";
}
refused($S, 'the assigned worker only', 'POST', "/cases/$A/actions/start_assessment", $kw2, undef, 403, 'wrong_role',
	message => qr/^L56: /);
{
	my ($st, undef, $raw) = req($S, 'POST', "/cases/$A/actions/start_assessment", $kw);
	ok_status('start_assessment by the assigned worker: 200', $st, 200, $raw);
}
refused($S, 'a required record missing', 'POST', "/cases/$A/actions/submit_assessment", $kw, undef, 409, 'missing_record',
	message => qr/^L57: /);
refused($S, 'extension by a role that may not', 'POST', "/cases/$A/actions/extend_timescale", $kw,
	{ input => { timescale => 'assessment', until => '2026-02-05', reason => 'r' } }, 403, 'wrong_role', message => qr/^L44: /);
refused($S, 'extension past the cap', 'POST', "/cases/$A/actions/extend_timescale", $mgr,
	{ input => { timescale => 'assessment', until => '2026-06-30', reason => 'r' } }, 409, 'extension_over_cap',
	message => qr/^L44: /);
{
	my ($st, $j, $raw) = req($S, 'POST', "/cases/$A/actions/extend_timescale", $mgr,
		{ input => { timescale => 'assessment', until => '2026-02-10', reason => 'family illness' } });
	ok_status('extend_timescale within the cap: 200', $st, 200, $raw);
	is ts_of($j, 'assessment#1')->{due}, '2026-02-10T23:59:59Z', 'assessment due moved';
}

# --- history, replay, reads, chronology -----------------------------------------------

{
	my ($st, $j, $raw) = req($S, 'GET', "/cases/$A/history", $aud);
	ok_status('GET /cases/{id}/history: 200', $st, 200, $raw);
	my @ev = @{ $j->{events} };
	is_deeply [ map { $_->{seq} } @ev ], [ 1 .. @ev ], 'history: seq 1..n';
	is_deeply [ map { $_->{kind} } @ev[ 0 .. 2 ] ], [qw(open action action)], 'history: open, then actions';
	ok !(grep { $ev[$_]{prev_hash} ne $ev[ $_ - 1 ]{hash} } 1 .. $#ev) && $ev[0]{prev_hash} eq '',
		'history: each event chained to the one before';
	is $ev[2]{facts}{today}, '2026-01-05', 'history: facts recorded with the event';

	($st, $j, $raw) = req($S, 'GET', "/cases/$A/replay", $aud);
	ok_status('GET /cases/{id}/replay: 200', $st, 200, $raw);
	ok $j->{matches} && $j->{chain_ok}, 'replay matches the store, chain intact';
	is $j->{events}, scalar @ev, 'replay: every event';
	($st, $j, $raw) = req($S, 'GET', "/cases/$A/replay?as_of=2026-01-04", $aud);
	ok_status('replay as of a date: 200', $st, 200, $raw);
	is scalar @{ $j->{timeline} }, 0, 'replay as of the day before: no events yet';
}
refused($S, 'replay as_of not a date', 'GET', "/cases/$A/replay?as_of=yesterday", $aud, undef, 422, 'invalid_input',
	field => 'as_of');
{
	my ($st, $j, $raw) = req($S, 'GET', "/cases/$A/reads", $aud);
	ok_status('GET /cases/{id}/reads as an auditor: 200', $st, 200, $raw);
	ok scalar(grep { $_->{user} == $uid{'Kit Worker'} } @{ $j->{reads} }), "reads: the key worker's view of the case is logged";
}
refused($S, 'reads are for auditors', 'GET', "/cases/$A/reads", $tri, undef, 403, 'wrong_role');
{
	# A change to the auditor made in the store with sqlite3, and the status of the next GET.
	my $change = sub ($set) { system('sqlite3', $db, "UPDATE users SET $set WHERE name = 'Audrey Auditor'") == 0 or die };
	my $next = sub ($path, $want, $name) { my ($st) = req($S, 'GET', $path, $aud); is $st, $want, $name };
	# The server caches who a token is; a role changed in the store counts from the very next request.
	$next->("/cases/$A/reads", 200, 'token cache: the auditor reads who viewed the case');
	$next->("/cases/$A/reads", 200, 'token cache: ...twice (the second from the cache)');
	$change->(q{roles = '["key_worker"]'});
	$next->("/cases/$A/reads", 403, 'token cache: the auditor role taken away in the store is refused at the next request');
	$change->(q{roles = '["auditor"]'});
	$next->("/cases/$A/reads", 200, 'token cache: ...and given back, accepted at the next request');
	# GET /cases/{id} reads in one snapshot (one read transaction): it is taken per request, not kept.
	$next->("/cases/$A", 200, 'snapshot read: the auditor sees the case');
	$change->(q{authority = 'otherton'});
	$next->("/cases/$A", 404, 'snapshot read: moved to another authority in the store, the next GET of the case is a 404');
	$change->(q{authority = 'testshire'});
	$next->("/cases/$A", 200, 'snapshot read: ...and moved back, the next GET sees it again');
}
{
	my ($st, $j, $raw) = req($S, 'GET', "/cases/$A/chronology", $aud);
	ok_status('GET /cases/{id}/chronology: 200', $st, 200, $raw);
	ok scalar(grep { ($_->{what} // '') =~ /Key worker allocated/ } @{ $j->{chronology} }), 'chronology: significant events';
}

# --- more cases, list filters and cursor pagination ---------------------------------------

my @ids = ($A, $B);
for my $i (1 .. 5) {
	my ($st, $j, $raw) = req($S, 'POST', '/cases', $tri,
		{ workflow => 'referral', data => { referrer => "r$i", consent => JSON::PP::true },
		  members => [ { name => "Child $i", role => 'child', dob => '2016-01-01' } ] });
	ok_status("open case $i of 5 more", $st, 201, $raw) if $st != 201;
	push @ids, $j->{id};
}
my $C = $ids[2];
req($S, 'POST', "/cases/$C/actions/decline", $tri, { input => { reason => 'not for us' } });
refused($S, 'a closed case refuses everything', 'POST', "/cases/$C/actions/accept", $tri, undef, 409, 'case_closed');
{
	my ($st, $j, $raw) = req($S, 'GET', '/cases', $tri);
	ok_status('GET /cases: 200', $st, 200, $raw);
	is_deeply [ map { $_->{id} } @{ $j->{cases} } ], \@ids, 'list: every case of the authority, by id';
	ok !defined $j->{next}, 'list: no next page';

	my (@seen, $after, $pages);
	while (++$pages <= 10) {
		($st, $j, $raw) = req($S, 'GET', '/cases?limit=2' . (defined $after ? "&after=$after" : ''), $tri);
		last if $st != 200;
		push @seen, map { $_->{id} } @{ $j->{cases} };
		ok @{ $j->{cases} } <= 2, "page $pages: at most 2" if @{ $j->{cases} } > 2;
		last unless defined $j->{next};
		is $j->{next}, $seen[-1], "page $pages: next is the last id on the page" if $j->{next} != $seen[-1];
		$after = $j->{next};
	}
	is_deeply \@seen, \@ids, 'pagination: limit=2 walks every case once, in order';
	is $pages, 4, 'pagination: 7 cases in 4 pages, the last without next';

	($st, $j) = req($S, 'GET', '/cases?state=received', $tri);
	is_deeply [ map { $_->{id} } @{ $j->{cases} } ], [ $B, @ids[ 3 .. 6 ] ], 'filter state=received';
	($st, $j) = req($S, 'GET', '/cases?assigned=me', $kw);
	is_deeply [ map { $_->{id} } @{ $j->{cases} } ], [$A], 'filter assigned=me';
	($st, $j) = req($S, 'GET', "/cases?assigned=$uid{'Kit Worker'}", $mgr);
	is_deeply [ map { $_->{id} } @{ $j->{cases} } ], [$A], 'filter assigned=<user id>';
	($st, $j) = req($S, 'GET', '/cases?open=true', $tri);
	ok !(grep { $_->{id} == $C } @{ $j->{cases} }), 'filter open=true leaves out the declined case';
	($st, $j) = req($S, 'GET', '/cases?workflow=support', $tri);
	is_deeply $j->{cases}, [], 'filter workflow=support: none';
	($st, $j) = req($S, 'GET', '/cases?due_before=2026-01-06', $tri);
	is_deeply [ map { $_->{id} } @{ $j->{cases} } ], [ $B, @ids[ 3 .. 6 ] ], 'filter due_before: the untriaged ones';
}
refused($S, 'list limit=0', 'GET', '/cases?limit=0', $tri, undef, 422, 'invalid_input', field => 'limit');
refused($S, 'list limit=501', 'GET', '/cases?limit=501', $tri, undef, 422, 'invalid_input', field => 'limit');
refused($S, 'list after=abc', 'GET', '/cases?after=abc', $tri, undef, 422, 'invalid_input', field => 'after');
refused($S, 'list overdue=maybe', 'GET', '/cases?overdue=maybe', $tri, undef, 422, 'invalid_input', field => 'overdue');
refused($S, 'list assigned=bob', 'GET', '/cases?assigned=bob', $tri, undef, 422, 'invalid_input', field => 'assigned');
refused($S, 'list due_before=soon', 'GET', '/cases?due_before=soon', $tri, undef, 422, 'invalid_input', field => 'due_before');
{
	my ($st, $j) = req($S, 'GET', '/cases?limit=' . scalar(@ids), $tri);
	is_deeply [ scalar @{ $j->{cases} }, $j->{next} ], [ scalar @ids, undef ], 'a page exactly as long as the list has no next';
}
# A query string that does not parse (a name without '=') must not quietly
# drop every filter and answer with the whole list.
refused($S, 'list with a malformed query string', 'GET', '/cases?state=received&overdue', $tri, undef, 400, 'malformed_query');
refused($S, 'list with a malformed query string (limit ignored)', 'GET', '/cases?limit=1&verbose', $tri, undef, 400, 'malformed_query');

# --- the virtual clock ------------------------------------------------------------------

{
	my ($st, $j, $raw) = req($S, 'GET', '/timescales?status=breached', $tri);
	ok_status('GET /timescales: 200', $st, 200, $raw);
	is_deeply $j->{timescales}, [], 'nothing breached yet';
	($st, $j, $raw) = req($S, 'POST', '/clock', $tri, { now => '2026-01-06T12:00:00Z' });
	ok_status('POST /clock forward: 200', $st, 200, $raw);
	is $j->{now}, '2026-01-06T12:00:00Z', 'the clock moved';
	is $j->{breaches}, 5, "five untriaged referrals breach triage's 24 hours";
	($st, $j) = req($S, 'GET', '/clock', $tri);
	is_deeply $j, { now => '2026-01-06T12:00:00Z', clock => 'virtual' }, 'GET /clock';
	($st, $j) = req($S, 'GET', "/cases/$B", $tri);
	my $t = ts_of($j, 'triage#1');
	is_deeply [ @$t{qw(status due)} ], [ 'breached', '2026-01-06T09:00:00Z' ], 'GET /cases/{id}: triage breached';
	($st, $j) = req($S, 'GET', "/cases/$B/history", $tri);
	is_deeply [ map { [ $_->{kind}, $_->{name}, $_->{input}{key}, $_->{at} ] } grep { $_->{kind} eq 'timer' } @{ $j->{events} } ],
		[ [ 'timer', 'breach', 'triage#1', 1767690001 ] ], 'the breach is an event, a second after due';
	($st, $j) = req($S, 'GET', '/timescales?status=breached', $tri);
	is_deeply [ sort { $a <=> $b } map { $_->{case_id} } @{ $j->{timescales} } ], [ $B, @ids[ 3 .. 6 ] ],
		'GET /timescales?status=breached: the five';
	ok !(grep { $_->{status} ne 'breached' || $_->{key} ne 'triage#1' } @{ $j->{timescales} }), '... all triage#1';
	# due_before=2026-02-11 is the end of that day (GMT in February)
	my (undef, $va) = req($S, 'GET', "/cases/$A", $kw);
	my @want = sort map { "$A $_->{key}" } grep { $_->{status} eq 'pending' && $_->{due_epoch} < 1770854399 } @{ $va->{timescales} };
	ok scalar(grep { $_ eq "$A assessment#1" } @want), "case $A has its extended assessment pending before 11 February";
	ok scalar(grep { $_->{status} eq 'pending' && $_->{due_epoch} > 1770854399 } @{ $va->{timescales} }), '... and a later one (review)';
	($st, $j) = req($S, 'GET', '/timescales?status=pending&due_before=2026-02-11', $tri);
	is_deeply [ sort map { "$_->{case_id} $_->{key}" } @{ $j->{timescales} } ], \@want,
		'GET /timescales?status=pending&due_before=: exactly the pending ones due before';
	# Pages: limit=2 walked by next gives every row of the whole list once, in due, case, key order.
	my (undef, $whole) = req($S, 'GET', '/timescales?limit=500', $tri);
	my @all = map { "$_->{due_epoch} $_->{case_id} $_->{key} $_->{status}" } @{ $whole->{timescales} };
	ok @all > 6, 'GET /timescales: pending and breached together (' . scalar(@all) . ' rows)';
	is $whole->{next}, undef, '... all on one page: no next';
	my @sorted = sort { my @x = split ' ', $a; my @y = split ' ', $b; $x[0] <=> $y[0] || $x[1] <=> $y[1] || $x[2] cmp $y[2] } @all;
	is_deeply \@all, \@sorted, '... in order of due, then case, then key';
	my ($paged, $pages, $next) = ([], 0, undef);
	do {
		($st, $j) = req($S, 'GET', '/timescales?limit=2' . (defined $next ? "&after=$next" : ''), $tri);
		push @$paged, map { "$_->{due_epoch} $_->{case_id} $_->{key} $_->{status}" } @{ $j->{timescales} };
		$next = $j->{next};
		$pages++;
	} while (defined $next && $st == 200 && $pages < 100);
	is_deeply $paged, \@all, "GET /timescales?limit=2: $pages pages walked by next hold the whole list, once each";
	is $pages, int((@all + 1) / 2), '... two to a page';
	($st, $j) = req($S, 'GET', '/timescales?status=breached&limit=3', $tri);
	my @first = map { $_->{case_id} } @{ $j->{timescales} };
	($st, $j) = req($S, 'GET', "/timescales?status=breached&limit=3&after=$j->{next}", $tri);
	is_deeply [ sort { $a <=> $b } @first, map { $_->{case_id} } @{ $j->{timescales} } ], [ sort { $a <=> $b } $B, @ids[ 3 .. 6 ] ],
		'GET /timescales?status=breached in pages of 3: the five, the filter kept across pages';
	is $j->{next}, undef, '... the second page is the last';
	# By worker and by team (read from the caseload's cases, not the index of
	# every timescale): exactly the whole list's rows of that worker or team.
	my %by_worker; my %by_team;
	for my $t (@{ $whole->{timescales} }) {
		push @{ $by_worker{ $t->{assigned} } }, "$t->{case_id} $t->{key}" if defined $t->{assigned};
		push @{ $by_team{ $t->{team} } }, "$t->{case_id} $t->{key}" if defined $t->{team};
	}
	ok %by_worker && %by_team, 'some timescales have a worker and a team (' . join(',', sort keys %by_worker) . '; '
		. join(',', sort keys %by_team) . ')';
	for my $w (sort keys %by_worker) {
		(undef, $j) = req($S, 'GET', "/timescales?worker=$w&limit=500", $tri);
		is_deeply [ map { "$_->{case_id} $_->{key}" } @{ $j->{timescales} } ], $by_worker{$w}, "GET /timescales?worker=$w: that worker's rows, in order";
		my ($pw, $nx) = ([], undef);
		do {
			(undef, $j) = req($S, 'GET', "/timescales?worker=$w&limit=1" . (defined $nx ? "&after=$nx" : ''), $tri);
			push @$pw, map { "$_->{case_id} $_->{key}" } @{ $j->{timescales} };
			$nx = $j->{next};
		} while (defined $nx && @$pw < 100);
		is_deeply $pw, $by_worker{$w}, "... and walked one page at a time";
	}
	for my $team (sort keys %by_team) {
		(undef, $j) = req($S, 'GET', "/timescales?team=$team&limit=500", $tri);
		is_deeply [ map { "$_->{case_id} $_->{key}" } @{ $j->{timescales} } ], $by_team{$team}, "GET /timescales?team=$team: that team's rows, in order";
	}
	(undef, $j) = req($S, 'GET', '/timescales?worker=999999', $tri);
	is_deeply [ $j->{timescales}, $j->{next} ], [ [], undef ], 'GET /timescales?worker= with no cases: an empty last page';
	($st, $j) = req($S, 'GET', '/cases?overdue=true', $tri);
	is_deeply [ map { $_->{id} } @{ $j->{cases} } ], [ $B, @ids[ 3 .. 6 ] ], 'GET /cases?overdue=true';
	is $j->{cases}[0]{breached}, 1, 'list summary counts the breach';
	($st, $j) = req($S, 'POST', '/clock', $tri, { now => '2026-01-06T12:00:00Z' });
	is_deeply [ $st, $j->{breaches} ], [ 200, 0 ], 'POST /clock to the same instant: nothing fires';
}
refused($S, 'the clock never moves backwards', 'POST', '/clock', $tri, { now => '2026-01-06T11:59:59Z' }, 422,
	'invalid_input', field => 'now', also => sub { is((req($S, 'GET', '/clock', $tri))[1]{now}, '2026-01-06T12:00:00Z', 'clock unchanged') });
refused($S, 'the clock needs now', 'POST', '/clock', $tri, {}, 422, 'invalid_input', field => 'now');
refused($S, 'the clock needs an instant', 'POST', '/clock', $tri, { now => '2026-13-01T00:00:00Z' }, 422, 'invalid_input',
	field => 'now');
refused($S, 'timescales with a malformed query string', 'GET', '/timescales?status=breached&all', $tri, undef, 400, 'malformed_query');
refused($S, 'replay with a malformed query string', 'GET', "/cases/$A/replay?as_of=2026-01-04&x", $aud, undef, 400, 'malformed_query');
refused($S, 'timescales status=late', 'GET', '/timescales?status=late', $tri, undef, 422, 'invalid_input', field => 'status');
refused($S, 'timescales limit=0', 'GET', '/timescales?limit=0', $tri, undef, 422, 'invalid_input', field => 'limit');
refused($S, 'timescales limit=501', 'GET', '/timescales?limit=501', $tri, undef, 422, 'invalid_input', field => 'limit');
refused($S, 'timescales limit=2^32+1 (not 1)', 'GET', '/timescales?limit=4294967297', $tri, undef, 422, 'invalid_input', field => 'limit');
refused($S, 'cases limit=2^32+1 (not 1)', 'GET', '/cases?limit=4294967297', $tri, undef, 422, 'invalid_input', field => 'limit');
for my $bad ('abc', '1767690000.1', '1767690000.1.zz', '1767690000.1.747', '1767690000.x.7472', '.1.7472', '1767690000.1.00') {
	refused($S, "timescales after=$bad", 'GET', "/timescales?after=$bad", $tri, undef, 422, 'invalid_input', field => 'after');
}
refused($S, 'timescales due_before=soon', 'GET', '/timescales?due_before=soon', $tri, undef, 422, 'invalid_input',
	field => 'due_before');
{
	my ($st, $j, $raw) = req($S, 'GET', '/reports/timeliness', $mgr);
	ok_status('GET /reports/timeliness: 200', $st, 200, $raw);
	like $raw, qr/"triage"/, 'timeliness: reports the triage timescale';
}
refused($S, 'timeliness from=bad', 'GET', '/reports/timeliness?from=bad', $mgr, undef, 422, 'invalid_input', field => 'from');

# --- not found, method not allowed ---------------------------------------------------------

for my $bad ('9999', '0', '-1', '1abc', 'abc', '99999999999999999999', '..%2F1', '%31', '1%00', '1.0') {
	refused($S, "case id '$bad'", 'GET', "/cases/$bad", $tri, undef, 404, 'not_found');
	refused($S, "history of case id '$bad'", 'GET', "/cases/$bad/history", $tri, undef, 404, 'not_found');
	refused($S, "action on case id '$bad'", 'POST', "/cases/$bad/actions/accept", $tri, undef, 404, 'not_found');
}
for my $path ('/cases/../1', '/cases/1/../1', '/nope', '/cases/1/nope', '/cases/1/actions', '/cases/1/', '/cases//history',
	'/Cases', '/cases/1/actions/accept/x') {
	refused($S, "unknown route $path", 'GET', $path, $tri, undef, 404, 'not_found');
}
refused($S, 'unknown route, POST', 'POST', '/cases/1/actions/', $tri, undef, 404, 'not_found');
refused($S, 'nonexistent case: replay', 'GET', '/cases/9999/replay', $aud, undef, 404, 'not_found');
refused($S, 'nonexistent case: reads', 'GET', '/cases/9999/reads', $aud, undef, 404, 'not_found');
refused($S, 'nonexistent case: chronology', 'GET', '/cases/9999/chronology', $aud, undef, 404, 'not_found');
refused($S, 'nonexistent case: records', 'POST', '/cases/9999/records', $kw, { type => 'case_note', fields => { summary => 's' } },
	404, 'not_found');
for my $m (['DELETE', "/cases/$A"], ['PUT', '/cases'], ['PATCH', "/cases/$A"], ['POST', '/health'], ['POST', '/metrics'],
	['GET', "/cases/$A/actions/accept"], ['POST', "/cases/$A"], ['GET', "/cases/$A/records"], ['DELETE', '/clock'],
	['POST', '/timescales'], ['PUT', "/cases/$A/actions/accept"], ['OPTIONS', "/cases/$A"]) {
	refused($S, "$m->[0] $m->[1]", $m->[0], $m->[1], $tri, undef, 405, 'method_not_allowed');
}
{
	my ($st, $j) = req($S, 'OPTIONS', '/cases', $tri);
	like $j->{error}{message} // '', qr/^OPTIONS is not allowed on \/cases/, '405 names the method it refused (OPTIONS)';
	my (undef, undef, undef, $r) = req($S, 'HEAD', "/cases/$A", $tri);
	is $r->{status}, 405, 'HEAD /cases/{id}: 405 (a case is read with GET, which logs the read)';
	is $r->{headers}{allow} // '', 'GET', '...with Allow: GET';
}
for my $m (['DELETE', '/cases', 'GET, POST'], ['PUT', "/cases/$A", 'GET'], ['GET', "/cases/$A/actions/accept", 'POST'],
	['PATCH', '/clock', 'GET, POST']) {
	my (undef, undef, undef, $r) = req($S, $m->[0], $m->[1], $tri);
	is join(', ', sort split /,\s*/, $r->{headers}{allow} // ''), $m->[2], "405 on $m->[0] $m->[1] says Allow: $m->[2]";
}

# --- tenancy -------------------------------------------------------------------------------

my $O;
{
	my ($st, $j, $raw) = req($S, 'POST', '/cases', $otri, $referral);
	ok_status("otherton opens its own case: 201", $st, 201, $raw);
	$O = $j->{id};
	is $j->{authority}, 'otherton', "the case is otherton's";
	my ($mst, $missing) = req($S, 'GET', '/cases/424242', $otri);
	my ($ost, $other) = req($S, 'GET', "/cases/$A", $otri);
	is $ost, 404, "another authority's case is 404";
	my $norm = sub ($j, $id) { my $t = $json->encode($j); $t =~ s/\b$id\b/ID/g; $t };
	is $norm->($other, $A), $norm->($missing, 424242), '... with the same body as a missing case';
	($ost, $other) = req($S, 'GET', "/cases/$A/history", $otri);
	($mst, $missing) = req($S, 'GET', '/cases/424242/history', $otri);
	is_deeply [ $ost, $norm->($other, $A) ], [ $mst, $norm->($missing, 424242) ], '... and the same for its history';
	($ost, $other) = req($S, 'POST', "/cases/$A/actions/accept", $otri);
	($mst, $missing) = req($S, 'POST', '/cases/424242/actions/accept', $otri);
	is_deeply [ $ost, $norm->($other, $A) ], [ $mst, $norm->($missing, 424242) ], '... and for an action';
}
for my $r (['GET', "/cases/$A", undef, $otri], ['GET', "/cases/$A/history", undef, $otri],
	['GET', "/cases/$A/replay", undef, $oaud], ['GET', "/cases/$A/reads", undef, $oaud],
	['GET', "/cases/$A/chronology", undef, $oaud],
	['POST', "/cases/$A/actions/raise_concern", { input => { worry => 'w' } }, $okw],
	['POST', "/cases/$A/actions/allocate", { input => { key_worker => $uid{'Kit Worker'}, rationale => 'x' } }, $omgr],
	['POST', "/cases/$A/actions/extend_timescale", { input => { timescale => 'assessment', until => '2026-02-11', reason => 'r' } }, $omgr],
	['POST', "/cases/$A/records", { type => 'case_note', fields => { summary => 'x' } }, $omgr],
	['POST', "/cases/$O/actions/accept", undef, $tri]) {
	refused($S, "tenancy: $r->[0] $r->[1] by another authority", $r->[0], $r->[1], $r->[3], $r->[2], 404, 'not_found');
}
{
	my ($st, $j) = req($S, 'GET', '/cases', $otri);
	is_deeply [ map { $_->{id} } @{ $j->{cases} } ], [$O], "tenancy: otherton's list holds only its case";
	($st, $j) = req($S, 'GET', "/cases?after=0&limit=500", $tri);
	ok !(grep { $_->{id} == $O } @{ $j->{cases} }), "tenancy: testshire's list never holds otherton's";
	($st, $j) = req($S, 'GET', '/timescales', $otri);
	is_deeply [ map { $_->{case_id} } @{ $j->{timescales} } ], [$O], "tenancy: otherton's timescales are its own";
	my ($ow, $onext) = ([], undef);
	do {
		($st, $j) = req($S, 'GET', '/timescales?limit=1' . (defined $onext ? "&after=$onext" : ''), $otri);
		push @$ow, map { $_->{case_id} } @{ $j->{timescales} };
		$onext = $j->{next};
	} while (defined $onext && @$ow < 100);
	ok @$ow && !(grep { $_ != $O } @$ow), "tenancy: otherton's timescales page by page are its own (" . scalar(@$ow) . ' rows)';
	my $breaches = sub ($rep) { my $n = 0; $n += $_->{breached} // 0 for @{ $rep->{rows} }; $n };
	my (undef, $tr) = req($S, 'GET', '/reports/timeliness', $mgr);
	($st, $j) = req($S, 'GET', '/reports/timeliness', $omgr);
	is_deeply [ $breaches->($tr) >= 5, $j->{authority}, $breaches->($j) ], [ 1, 'otherton', 0 ],
		"tenancy: otherton's timeliness report counts none of testshire's breaches";
	($st, $j) = req($S, 'GET', '/users', $otri);
	my %tid = map { $_ => 1 } values %uid;
	ok @{ $j->{users} } && !(grep { $tid{ $_->{id} } } @{ $j->{users} }), "tenancy: users are the authority's own";
	($st, $j) = req($S, 'GET', "/cases/$A", $kw);
	is $j->{state}, 'assessment', "testshire's case is untouched by otherton's attempts";
}
{
	req($S, 'POST', "/cases/$O/actions/accept", $otri);
	refused($S, "tenancy: otherton cannot allocate testshire's key worker", 'POST', "/cases/$O/actions/allocate", $omgr,
		{ input => { key_worker => $uid{'Kit Worker'}, rationale => 'x' } }, 422, 'invalid_input', field => 'key_worker');
}

# --- concurrent clients -----------------------------------------------------------------------

{
	my $children = 8;
	my $per = 4;
	my @kids;
	my $t0 = time;
	for my $c (1 .. $children) {
		my $pid = fork // die "fork: $!";
		if (!$pid) {
			my $h = HTTP::Tiny->new(timeout => 20, keep_alive => 1);
			my @bad;
			my $call = sub ($method, $path, $token, $body = undef) {
				my $r = $h->request($method, "$S->{base}$path",
					{ headers => { Authorization => "Bearer $token" }, (defined $body ? (content => $json->encode($body)) : ()) });
				push @bad, "$method $path: $r->{status} $r->{content}" unless $r->{status} =~ /^2/;
				return eval { $json->decode($r->{content}) } // {};
			};
			for my $i (1 .. $per) {
				my $v = $call->('POST', '/cases', $tri,
					{ workflow => 'referral', data => { referrer => "child $c case $i", consent => JSON::PP::true } });
				my $id = $v->{id} // next;
				$call->('POST', "/cases/$id/actions/accept", $tri);
				$call->('GET', "/cases/$id", $kw);
				$call->('POST', "/cases/$id/actions/allocate", $mgr,
					{ input => { key_worker => $uid{'Kay Second'}, rationale => "c$c" } });
				$call->('POST', "/cases/$id/records", $kw2, { type => 'case_note', fields => { summary => "n$i" } });
				$call->('POST', "/cases/$id/actions/start_assessment", $kw2);
				$call->('GET', '/cases?limit=5', $tri);
				$call->('GET', '/timescales?status=pending', $mgr);
				# One client also moves the clock, so timers fire among the actions.
				$call->('POST', '/clock', $tri, { now => sprintf('2026-01-06T%02d:00:00Z', 12 + $i) }) if $c == 1;
			}
			open my $fh, '>', "$tmp/child$c" or POSIX::_exit(2);
			print $fh join("\n", @bad), "\n";
			close $fh;
			POSIX::_exit(@bad ? 1 : 0);
		}
		push @kids, $pid;
	}
	my %rc;
	my $deadline = time + 60;
	while (keys %rc < @kids && time < $deadline) {
		for my $k (@kids) {
			next if exists $rc{$k};
			$rc{$k} = $? >> 8 if waitpid($k, WNOHANG) == $k;
		}
		sleep 0.02;
	}
	for my $k (@kids) { unless (exists $rc{$k}) { kill 'KILL', $k; waitpid $k, 0; $rc{$k} = -1 } }
	my @failed = grep { $rc{ $kids[ $_ - 1 ] } != 0 } 1 .. $children;
	is scalar(@failed), 0, "concurrency: $children clients, every request answered 2xx"
		or diag map { slurp("$tmp/child$_") } @failed;
	note sprintf 'concurrency: %.2f s', time - $t0;
	my ($st, $j) = req($S, 'GET', '/cases?limit=500&workflow=referral&state=assessment', $mgr);
	is scalar(grep { $_->{assigned} == $uid{'Kay Second'} } @{ $j->{cases} }), $children * $per,
		'concurrency: every case reached assessment';
}

# --- group commit: case writes that arrive together share one commit --------------------------

sub group_counts() {
	my (undef, undef, $raw) = req($S, 'GET', '/metrics');
	my ($g) = $raw =~ /^casework_group_commits_total (\d+)$/m;
	my ($w) = $raw =~ /^casework_group_writes_total (\d+)$/m;
	return ($g // -1, $w // -1);
}
{
	my ($clients, $per) = (16, 8);
	my ($st, $j) = req($S, 'GET', "/cases/$A", $kw);
	my $records_before = scalar @{ $j->{records} };
	my ($g0, $w0) = group_counts();
	my @kids;
	my $go = time + 0.5;   # every client starts at once
	for my $c (1 .. $clients) {
		my $pid = fork // die "fork: $!";
		if (!$pid) {
			my $h = HTTP::Tiny->new(timeout => 20, keep_alive => 1);
			my $bad = 0;
			sleep 0.005 while time < $go;
			for my $i (1 .. $per) {
				my $r = $h->request('POST', "$S->{base}/cases/$A/records",
					{ headers => { Authorization => "Bearer $kw" },
					  content => $json->encode({ type => 'case_note', fields => { summary => "group $c.$i" } }) });
				$bad++ unless $r->{status} == 201 || $r->{status} == 200;
			}
			POSIX::_exit($bad ? 1 : 0);
		}
		push @kids, $pid;
	}
	my $failed = 0;
	for my $k (@kids) { waitpid $k, 0; $failed++ if $? }
	is $failed, 0, "group commit: $clients clients x $per records on one case, every one answered 2xx";
	($st, $j) = req($S, 'GET', "/cases/$A", $kw);
	is scalar @{ $j->{records} }, $records_before + $clients * $per, 'group commit: every acknowledged record is in the case';
	my ($g1, $w1) = group_counts();
	is $w1 - $w0, $clients * $per, 'group commit: every write went through a group';
	cmp_ok $g1 - $g0, '<', $w1 - $w0, 'group commit: some writes shared a commit (fewer commits than writes)';
	note sprintf 'group commit: %d writes in %d commits', $w1 - $w0, $g1 - $g0;
}

# --- metrics --------------------------------------------------------------------------------

{
	my ($st, undef, $raw) = req($S, 'GET', '/metrics');
	ok_status('GET /metrics: 200', $st, 200, $raw);
	like $raw, qr/^casework_http_requests_total\{[^}]*route="\/cases\/\{id\}\/actions\/\{action\}"[^}]*status="403"[^}]*\} [1-9]\d*$/m,
		'metrics: request counter by route and status';
	like $raw, qr/^casework_http_requests_total\{[^}]*route="unmatched"[^}]*status="404"[^}]*\} [1-9]\d*$/m,
		'metrics: unmatched routes counted';
	my (undef, $h) = req($S, 'GET', '/health');
	my (undef, $tb) = req($S, 'GET', '/timescales?status=breached', $tri);
	my (undef, $ob) = req($S, 'GET', '/timescales?status=breached', $otri);
	($st, undef, $raw) = req($S, 'GET', '/metrics');
	like $raw, qr/^casework_timescales\{status="pending"\} $h->{pending_timescales}$/m, 'metrics: pending gauge matches /health';
	my $breached = @{ $tb->{timescales} } + @{ $ob->{timescales} };
	like $raw, qr/^casework_timescales\{status="breached"\} $breached$/m, 'metrics: breached gauge matches /timescales';
	like $raw, qr/^casework_cases $h->{cases}$/m, 'metrics: cases gauge';
	my %series;
	$series{$_}++ for $raw =~ /^([a-z_]+(?:\{[^}]*\})?) \S+$/mg;
	my @dups = grep { $series{$_} > 1 } sort keys %series;
	is_deeply \@dups, [], 'metrics: no series is exposed twice (each label set is unique)';
	my ($get_clock) = $raw =~ /^casework_http_requests_total\{[^}]*method="GET"[^}]*route="\/clock"[^}]*\} (\d+)$/m;
	ok $get_clock, 'metrics: the method is a label (GET /clock counted apart from POST /clock)';
	# The allocator the binary was built on (make passes it as CASEWORK_ALLOC), and what it holds.
	my $alloc = $ENV{CASEWORK_ALLOC} // (`ldd '$bin' 2>/dev/null` =~ /libjemalloc/ ? 'jemalloc' : 'libc');
	like $raw, qr/^casework_allocator_info\{name="\Q$alloc\E",version="[^"]*\d[^"]*"\} 1$/m,
		"metrics: the allocator is $alloc, with its version";
	my ($held) = $raw =~ /^casework_allocator_allocated_bytes (\d+)$/m;
	ok defined $held && $held > 100_000, 'metrics: the allocator holds the server\'s memory (' . ($held // 'none') . ' bytes)';
	if ($alloc eq 'jemalloc') {
		my ($res) = $raw =~ /^casework_allocator_resident_bytes (\d+)$/m;
		ok defined $res && $res >= $held, 'metrics: jemalloc\'s resident bytes cover what is allocated';
	}
}

# --- a real clock ------------------------------------------------------------------------------

{
	my $R = start_server(db => "$tmp/real.db", root => $ref, clock => 'real');
	my ($st, $j) = req($R, 'GET', '/health');
	is $j->{clock}, 'real', 'real clock: /health says so';
	refused($R, 'POST /clock on a real clock', 'POST', '/clock', $tri, { now => '2030-01-01T00:00:00Z' }, 404, 'not_found');
	($st, $j) = req($R, 'GET', '/clock', $tri);
	is $j->{clock}, 'real', 'real clock: GET /clock';
	my $now = time;
	require Time::Local;
	my ($y, $mo, $d, $hh, $mi, $ss) = $j->{now} =~ /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)Z$/;
	ok abs(Time::Local::timegm($ss, $mi, $hh, $d, $mo - 1, $y) - $now) < 5, 'real clock: now is the wall clock';
	stop_server($R);
}

# --- two real authorities (the files may still be changing: skip if they do not load) ------------

SKIP: {
	my $R = start_server(db => "$tmp/five.db", root => $repo, clock => 'virtual', start => $start);
	skip 'the five real authorities do not load right now', 4 if $R->{dead};
	my ($st, $j, $raw) = req($R, 'POST', '/cases', 'demo-durham-ehtw',
		{ workflow => 'one_point', data => { family_name => 'F', requester => 'parent', reason => 'r' } });
	skip "durham's one_point would not open ($st): $raw", 4 unless $st == 201;
	my $D = $j->{id};
	refused($R, 'bristol cannot read a durham case', 'GET', "/cases/$D", 'demo-bristol-first-response', undef, 404, 'not_found');
	refused($R, "bristol cannot read a durham case's history", 'GET', "/cases/$D/history", 'demo-bristol-first-response', undef,
		404, 'not_found');
	my ($act) = map { $_->{name} } @{ $j->{actions} };
	refused($R, 'bristol cannot act on a durham case', 'POST', "/cases/$D/actions/" . ($act // 'x'), 'demo-bristol-first-response',
		undef, 404, 'not_found');
	($st, $j) = req($R, 'GET', '/cases', 'demo-bristol-first-response');
	is_deeply $j->{cases}, [], "bristol's list holds no durham case";
	stop_server($R);
}

# --- the access log ------------------------------------------------------------------------------

{
	req($S, 'GET', "/cases?team=" . ($secret_child =~ s/ /+/r), $tri);
	req($S, 'GET', "/cases/$A", $tri);
	my $log = slurp($S->{err});
	my @lines = split /\n/, $log;
	ok @lines > 100, 'access log: a line per request (' . scalar(@lines) . ')';
	my @odd = grep { !/^\d+ (GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) \S+ \d{3} \d+\.\d+ms user=\d+$/ && !/^casework: / } @lines;
	is_deeply \@odd, [], 'access log: every line is "time method route status ms user=id"';
	for my $secret ($secret_child, $secret_parent, $secret_referrer, 'Quokkaface', 'Marblewhistle', 'Secretname',
		'family illness', 'demo-testshire-triage', $kw2, $aud) {
		ok index($log, $secret) < 0, "access log: no '$secret'";
	}
	like $log, qr{^\d+ GET /cases/\{id\} 200 [\d.]+ms user=$uid{'Kit Worker'}$}m, 'access log: route pattern and user id, not the path';
}

# --- the read log: written by its own thread, and on shutdown ------------------------------------

sub reads_of($id) {
	# the read log's own file (engine/readstore.h): folded reads and those waiting for a fold
	my $n = `sqlite3 '$db-reads' 'SELECT (SELECT count(*) FROM reads WHERE case_id = $id) + (SELECT count(*) FROM reads_recent WHERE case_id = $id)' 2>&1`;
	chomp $n;
	return $n;
}
{
	# earlier reads written first: listing a case's reads flushes the read log (and logs no read)
	my ($st) = req($S, 'GET', "/cases/$A/reads", $aud);
	is $st, 200, 'read log: flushed by listing the reads';
	my $before = reads_of($A);
	req($S, 'GET', "/cases/$A", $kw) for 1 .. 5;
	my ($n, $deadline) = (0, time + 5);
	while (time < $deadline) {   # the writer thread's period is 200 ms
		last if ($n = reads_of($A)) >= $before + 5;
		sleep 0.05;
	}
	is $n, $before + 5, 'read log: five reads written by the writer thread, with no request for them';
}

# --- verify the store after all of it ---------------------------------------------------------------

my $reads_before_stop = reads_of($A);
req($S, 'GET', "/cases/$A", $kw) for 1 .. 3;   # still queued: the writer writes every 200 ms
ok stop_server($S), 'the server stops on SIGTERM';
is reads_of($A), $reads_before_stop + 3, 'read log: reads queued at SIGTERM are written on the way out';
{
	my $out = `'$bin' verify --db '$db' --root '$root' 2>&1`;
	is $? >> 8, 0, 'casework verify: the store verifies after concurrent clients' or diag $out;
	like $out, qr/ok$/m, 'casework verify: says ok';
}

# --- every route of the table was exercised, with a 2xx ----------------------------------------------

{
	my $src = slurp("$repo/engine/http_routes.c");
	my ($table) = $src =~ /http_routes\[\]\s*=\s*\{(.*?)\n\};/s;
	my @routes = $table =~ /\{\s*"([A-Z]+)",\s*"([^"]+)"/g;
	my @missing;
	while (my ($m, $p) = splice @routes, 0, 2) {
		(my $re = $p) =~ s/\{[a-z]+\}/[^\/]+/g;
		my @hits = grep { /^\Q$m\E $re$/ && grep { /^2/ } @{ $exercised{$_} } } keys %exercised;
		push @missing, "$m $p" unless @hits;
	}
	ok $table, 'found the route table in engine/http_routes.c';
	is_deeply \@missing, [], 'every route in http_routes.c answered a 2xx in this test';
}

# --- regressions: engine bugs this test found (both fixed) --------------------------------------------

# Two authorities whose workflow files are byte for byte the same: each must
# get its own definition (the version hash once covered the text only, so
# the second authority loaded had no workflows).
{
	my $twin = "$tmp/twin";
	make_path("$twin/authorities", "$twin/workflows/testshire", "$twin/workflows/otherton");
	copy("$root/authorities/$_.lua", "$twin/authorities/$_.lua") for qw(testshire otherton);
	for my $w (qw(referral support)) {
		copy("$ref/workflows/testshire/$w.lua", "$twin/workflows/$_/$w.lua") for qw(testshire otherton);
	}
	my $T = start_server(db => "$tmp/twin.db", root => $twin, clock => 'virtual', start => $start);
	my ($st1) = req($T, 'POST', '/cases', $tri, $good);
	my ($st2) = req($T, 'POST', '/cases', $otri, $good);
	is_deeply [ $st1, $st2 ], [ 201, 201 ], 'both authorities open a referral when their workflow files are identical';
	stop_server($T);
}

# Pages before 1970 (a due instant below zero in the cursor), and a row that
# breaches between two pages keeps its place.
{
	my $T = start_server(db => "$tmp/old.db", root => $ref, clock => 'virtual', start => '1969-12-29T09:00:00Z');
	my @opened;
	for my $m (0 .. 2) {
		req($T, 'POST', '/clock', $tri, { now => sprintf('1969-12-29T09:%02d:00Z', $m) }) if $m;
		my ($st, $j) = req($T, 'POST', '/cases', $tri, $good);
		push @opened, $j->{id};
	}
	my ($st, $j) = req($T, 'GET', '/timescales?limit=1', $tri);
	is_deeply [ $st, map { $_->{case_id} } @{ $j->{timescales} } ], [ 200, $opened[0] ], 'before 1970: the first page';
	like $j->{next}, qr/^-\d+\./, '... its next names a due instant before 1970';
	my $next = $j->{next};
	# the first two triage clocks (24 hours) run out; the third is still pending
	req($T, 'POST', '/clock', $tri, { now => '1969-12-30T09:01:30Z' });
	($st, $j) = req($T, 'GET', "/timescales?limit=5&after=$next", $tri);
	is_deeply [ $st, map { [ $_->{case_id}, $_->{status} ] } grep { $_->{key} eq 'triage#1' } @{ $j->{timescales} } ],
		[ 200, [ $opened[1], 'breached' ], [ $opened[2], 'pending' ] ],
		'the next page: the second breached since (in its place), then the third; the first not again';
	stop_server($T);
}

# POST /cases once took any "team": an undeclared name, or an object.
{
	my $T = start_server(db => "$tmp/team.db", root => $ref, clock => 'virtual', start => $start);
	refused($T, 'an undeclared team', 'POST', '/cases', $tri, { %$good, team => 'atlantis' }, 422, 'invalid_input', field => 'team');
	refused($T, 'a team that is not text', 'POST', '/cases', $tri, { %$good, team => { north => 1 } }, 422, 'invalid_input',
		field => 'team');
	stop_server($T);
}

# SIGTERM among concurrent writes: held group-commit replies were committed
# but never sent (the loop ended before it wrote them). Every write the
# store kept must have had its 201.
{
	my $T = start_server(db => "$tmp/term.db", root => $ref, clock => 'virtual', start => $start);
	my @kids;
	my $go = time + 0.4;   # every client sends at once; SIGTERM lands among them
	for my $c (1 .. 40) {
		my $pid = fork // die "fork: $!";
		if (!$pid) {
			my $h = HTTP::Tiny->new(timeout => 10);
			sleep 0.0005 while time < $go;
			my $r = $h->request('POST', "$T->{base}/cases",
				{ headers => { Authorization => "Bearer $tri" }, content => $json->encode($good) });
			open my $fh, '>', "$tmp/term.$c" or POSIX::_exit(2);
			print $fh $r->{status};
			close $fh;
			POSIX::_exit(0);
		}
		push @kids, $pid;
	}
	sleep 0.0005 while time < $go + 0.005;
	ok stop_server($T), 'SIGTERM among 40 concurrent case openings: the server stops';
	waitpid $_, 0 for @kids;
	my $acked = grep { -e "$tmp/term.$_" && slurp("$tmp/term.$_") eq '201' } 1 .. 40;
	my $kept = `sqlite3 '$tmp/term.db' 'SELECT count(*) FROM cases'`;
	chomp $kept;
	is $kept, $acked, "SIGTERM: every case the store kept was answered 201 ($acked of 40 before the stop)";
}

# --- a store in memory: who read a case is listed (the read log is written on
# the server's own connection: a writer thread's ":memory:" would be another
# database) ---------------------------------------------------------------------
{
	my $mroot = "$tmp/memroot";
	make_path("$mroot/authorities", "$mroot/workflows/testshire");
	copy("$ref/workflows/testshire/$_.lua", "$mroot/workflows/testshire/$_.lua") or die for qw(referral support);
	my $a = slurp("$ref/authorities/testshire.lua");
	$a =~ s/(\{ name = "Kit Worker"[^\n]*\n)/$1    { name = "Ada Auditor", roles = { "auditor" }, team = "north", token = "demo-testshire-auditor" },\n/
		or die 'no Kit Worker line in the reference authority';
	open my $fh, '>', "$mroot/authorities/testshire.lua" or die;
	print $fh $a;
	close $fh;
	my $M = start_server(db => ':memory:', root => $mroot, clock => 'virtual', start => $start);
	my ($st, $j) = req($M, 'POST', '/cases', $tri, $good);
	my $id = $j->{id};
	req($M, 'GET', "/cases/$id", $mgr) for 1 .. 2;
	($st, $j) = req($M, 'GET', "/cases/$id/reads", 'demo-testshire-auditor');
	is_deeply [ map { $_->{name} } @{ $j->{reads} // [] } ], [ 'Mo Manager', 'Mo Manager' ],
		'--db :memory:: GET /cases/{id}/reads lists the two reads' or diag "$st " . $json->encode($j);
	ok stop_server($M), '--db :memory:: the server stops';
}

done_testing;
