#!/usr/bin/env perl
# tests/failure.t: a refused request leaves the store byte for byte as it
# was. For every kind of refusal the API gives (401 400 413 404 405 403 409
# 422, and each refusal code of docs/authoring.md's order of checks), the
# store is compared before and after: its `sqlite3 .dump`, the bytes of the
# database file and of its write-ahead log, and the rows of the read log
# (`<store>-reads`). Two successful requests first show that the comparison
# notices a write.
use v5.36;
use strict;
use warnings;
use FindBin;
use File::Temp qw(tempdir);
use Digest::SHA;
use HTTP::Tiny;
use JSON::PP;
use POSIX qw(WNOHANG);
use Socket qw(IPPROTO_TCP TCP_NODELAY);
use Time::HiRes qw(time sleep);
use Test::More;

my $repo = "$FindBin::Bin/..";
my $bin = $ENV{CASEWORK} // "$repo/build/casework";
my $ref = "$repo/tests/reference";
my $tmp = tempdir('casework-failure-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $db = "$tmp/failure.db";
my $json = JSON::PP->new->canonical;
my $main_pid = $$;
# Die by exit, not by the signal, so that END still kills the servers.
$SIG{$_} = sub { exit 1 } for qw(INT TERM HUP PIPE);

{
	no warnings 'redefine';
	my $connect = \&HTTP::Tiny::Handle::connect;
	*HTTP::Tiny::Handle::connect = sub {
		my $h = $connect->(@_);
		setsockopt($h->{fh}, IPPROTO_TCP, TCP_NODELAY, 1);
		return $h;
	};
}

sub slurp($path) {
	open my $fh, '<', $path or return '';
	local $/;
	return scalar <$fh>;
}

sub user_add($role, $name) {
	my $out = `'$bin' user add --authority testshire --role $role --name '$name' --db '$db' --root '$ref' 2>&1`;
	die "user add: $out" if $?;
	$out =~ /^token\s+(\S+)/m or die "no token: $out";
	return $1;
}
my $kw2 = user_add('key_worker', 'Kay Second');
my $aud = user_add('auditor', 'Audrey Auditor');

my $pid = fork // die;
if (!$pid) {
	open STDOUT, '>', "$tmp/serve.out" or POSIX::_exit(126);
	open STDERR, '>', "$tmp/serve.err" or POSIX::_exit(126);
	# No WAL zero-filled at start (--wal-reserve 0): each comparison hashes the
	# whole WAL file, and 80 MB of zeros made the file take a minute; a write
	# by a refusal would grow the file or change its bytes either way.
	exec $bin, 'serve', '--db', $db, '--listen', '127.0.0.1:0', '--clock', 'virtual', '--start', '2026-01-05T09:00:00Z',
		'--demo', '--root', $ref, '--wal-reserve', '0' or POSIX::_exit(127);
}
END { if ($$ == $main_pid && $pid) { kill 'KILL', $pid; waitpid $pid, 0 } }
my $base;
{
	my $deadline = time + 15;
	until (($base) = slurp("$tmp/serve.out") =~ m{serving on (http://127\.0\.0\.1:\d+)}) {
		die 'server exited: ' . slurp("$tmp/serve.err") if waitpid($pid, WNOHANG) == $pid;
		die 'server did not start' if time > $deadline;
		sleep 0.01;
	}
}

my $ua = HTTP::Tiny->new(timeout => 10, keep_alive => 1);
sub req($method, $path, $token = undef, $body = undef) {
	my %h;
	$h{Authorization} = "Bearer $token" if defined $token;
	my $r = $ua->request($method, "$base$path",
		{ headers => \%h, (defined $body ? (content => ref $body ? $json->encode($body) : $body) : ()) });
	return ($r->{status}, eval { $json->decode($r->{content}) }, $r->{content});
}
# Must succeed: returns the view.
sub must($method, $path, $token, $body = undef) {
	my ($st, $j, $raw) = req($method, $path, $token, $body);
	die "$method $path: $st $raw" unless $st =~ /^2/;
	return $j;
}

# The store as bytes: its dump, and the database and WAL files. And the
# read log (who looked at which case: `<store>-reads`) as its rows: the
# server's read-log thread folds them from one table into another on its own
# time, which changes that file's bytes but not what it holds.
sub snapshot() {
	my $dump = `sqlite3 '$db' .dump 2>&1`;
	die "sqlite3: $dump" if $?;
	my $reads = -e "$db-reads"
		? `sqlite3 '$db-reads' 'SELECT case_id, user_id, at FROM reads UNION ALL SELECT case_id, user_id, at FROM reads_recent ORDER BY 1, 2, 3' 2>&1`
		: 'absent';
	die "sqlite3: $reads" if $?;
	my %s = (dump => $dump, reads => $reads);
	for my $f ($db, "$db-wal") {
		$s{$f} = -e $f ? Digest::SHA->new(256)->addfile($f)->hexdigest . ' ' . -s $f : 'absent';
	}
	return \%s;
}
sub same($a, $b) { return !grep { $a->{$_} ne $b->{$_} } keys %$a }

# The read log (who looked) is written in batches by the server's read-log
# thread, which also checkpoints the store's WAL every 200 ms. Before each
# comparison: the read log flushed (listing a case's reads writes every
# queued read first, and logs none itself), and once, after the set-up's
# writes, half a second for the checkpoint, so the comparisons below see
# only what each refused request itself writes (nothing).
my $settled = 0;
sub flush_reads() {
	my ($st, undef, $raw) = req('GET', '/cases/1/reads', $aud);   # case 1: the first the set-up opens
	die "flushing the read log: $st $raw" unless $st == 200;
}
sub settle() {
	flush_reads();
	select(undef, undef, undef, 0.5) unless $settled++;
}

sub refused($name, $method, $path, $token, $body, $status, $code) {
	settle();
	my $before = snapshot();
	my ($st, $j, $raw) = req($method, $path, $token, $body);
	my $after = snapshot();
	ok $st == $status && ($j->{error}{code} // '') eq $code && same($before, $after),
		"$name: $status $code, the store unchanged byte for byte"
		or diag "got $st $raw; dump " . ($before->{dump} eq $after->{dump} ? 'same' : 'DIFFERS')
			. "; reads " . ($before->{reads} eq $after->{reads} ? 'same' : 'DIFFER')
			. "; files " . join(', ', map { $before->{$_} eq $after->{$_} ? 'same' : "$_ DIFFERS" } grep { !/^(dump|reads)$/ } sort keys %$before);
}

my ($tri, $mgr, $kw) = map { "demo-testshire-$_" } qw(triage manager kw);
my %uid = map { $_->{name} => $_->{id} } @{ must('GET', '/users', $tri)->{users} };
my $yes = JSON::PP::true;
my $child = sub ($n) { { name => "Child $n", role => 'child', dob => '2016-01-01' } };
sub open_case(%o) {
	return must('POST', '/cases', $tri, { workflow => 'referral', data => { referrer => 'school', consent => $o{consent} // $yes },
		members => $o{members} // [] })->{id};
}

# Cases in the states the refusals need.
my $R = open_case(members => [ $child->(1) ]);                  # received
my $G = open_case(consent => JSON::PP::false);                   # received, no consent
my $D = open_case();                                             # declined (closed)
must('POST', "/cases/$D/actions/decline", $tri, { input => { reason => 'not for us' } });
my $K = open_case(members => [ $child->(2) ]);                  # allocated to kw: 1 child
must('POST', "/cases/$K/actions/accept", $tri);
must('POST', "/cases/$K/actions/allocate", $mgr, { input => { key_worker => $uid{'Kit Worker'}, rationale => 'r' } });
my $F = open_case(members => [ map { $child->($_) } 3 .. 6 ]);  # awaiting allocation, 4 children
must('POST', "/cases/$F/actions/accept", $tri);
must('POST', "/cases/$K/actions/start_assessment", $kw);       # K in assessment
my $P = open_case();                                             # in plan
must('POST', "/cases/$P/actions/accept", $tri);
must('POST', "/cases/$P/actions/allocate", $mgr, { input => { key_worker => $uid{'Kit Worker'}, rationale => 'r' } });
must('POST', "/cases/$P/actions/start_assessment", $kw);
must('POST', "/cases/$P/records", $kw, { type => 'assessment', fields => { analysis => 'a' } });
must('POST', "/cases/$P/actions/submit_assessment", $kw);
must('POST', "/cases/$P/actions/authorise_assessment", $mgr);
my $E = open_case();                                             # escalated
must('POST', "/cases/$E/actions/accept", $tri);
must('POST', "/cases/$E/actions/allocate", $mgr, { input => { key_worker => $uid{'Kit Worker'}, rationale => 'r' } });
must('POST', "/cases/$E/actions/raise_concern", $kw, { input => { worry => 'w' } });
my $C = open_case();                                             # closure pending
must('POST', "/cases/$C/actions/accept", $tri);
must('POST', "/cases/$C/actions/allocate", $mgr, { input => { key_worker => $uid{'Kay Second'}, rationale => 'r' } });
must('POST', "/cases/$C/actions/raise_concern", $kw2, { input => { worry => 'w' } });
must('POST', "/cases/$C/actions/step_up", $mgr);
is must('GET', "/cases/$C", $mgr)->{state}, 'closure_pending', 'set-up: a case awaits closure';
must('POST', '/clock', $tri, { now => '2026-01-05T12:00:00Z' });

# The comparison notices writes, even small ones.
{
	my $before = snapshot();
	must('POST', "/cases/$R/records", $mgr, { type => 'case_note', fields => { summary => 'seen' } });
	ok !same($before, snapshot()), 'control: a successful action changes the store';
	flush_reads();   # the set-up's reads are in before, so only this GET's can make the difference
	$before = snapshot();
	must('GET', "/cases/$R", $mgr);
	flush_reads();
	my $after = snapshot();
	ok $after->{reads} ne $before->{reads}, 'control: reading a case logs the read (a row in the read log)'
		or diag "reads before:\n$before->{reads}\nafter:\n$after->{reads}";
}

my $big = $json->encode({ input => { reason => 'x' x (1024 * 1024) } });
my @refusals = (
	[ 'no token', 'POST', "/cases/$R/actions/decline", undef, { input => { reason => 'r' } }, 401, 'unauthorized' ],
	[ 'an unknown token', 'POST', "/cases/$R/actions/decline", 'nope', { input => { reason => 'r' } }, 401, 'unauthorized' ],
	[ 'malformed JSON', 'POST', "/cases/$R/actions/decline", $tri, '{"input": {"reason": "r"}', 400, 'malformed_json' ],
	[ 'a duplicate key', 'POST', "/cases/$R/actions/decline", $tri, '{"input": {}, "input": {"reason": "r"}}', 400, 'malformed_json' ],
	[ 'a body over 1 MiB', 'POST', "/cases/$R/actions/decline", $tri, $big, 413, 'too_large' ],
	[ 'a case that does not exist', 'POST', '/cases/9999/actions/decline', $tri, { input => { reason => 'r' } }, 404, 'not_found' ],
	[ 'a case id that is not a number', 'POST', '/cases/1x/actions/decline', $tri, { input => { reason => 'r' } }, 404, 'not_found' ],
	[ 'an unknown action', 'POST', "/cases/$R/actions/teleport", $tri, undef, 404, 'unknown_action' ],
	[ 'an unknown route', 'POST', "/cases/$R/decline", $tri, undef, 404, 'not_found' ],
	[ 'a wrong method', 'DELETE', "/cases/$R", $tri, undef, 405, 'method_not_allowed' ],
	[ 'a wrong method on an action', 'PUT', "/cases/$R/actions/decline", $tri, { input => { reason => 'r' } }, 405, 'method_not_allowed' ],
	[ 'wrong role: a key worker accepts', 'POST', "/cases/$R/actions/accept", $kw, undef, 403, 'wrong_role' ],
	[ 'wrong role: a key worker opens a case', 'POST', '/cases', $kw, { workflow => 'referral', data => { referrer => 'x', consent => $yes } },
	  403, 'wrong_role' ],
	[ 'wrong role: not the assigned worker', 'POST', "/cases/$K/actions/raise_concern", $kw2, { input => { worry => 'w' } }, 403, 'wrong_role' ],
	[ 'wrong role: a record type the caller may not add', 'POST', "/cases/$K/records", $tri,
	  { type => 'case_note', fields => { summary => 's' } }, 403, 'wrong_role' ],
	[ 'wrong role: an extension', 'POST', "/cases/$K/actions/extend_timescale", $kw,
	  { input => { timescale => 'assessment', until => '2026-02-03', reason => 'r' } }, 403, 'wrong_role' ],
	[ 'wrong role: an action that opens a linked case', 'POST', "/cases/$E/actions/step_up", $kw, undef, 403, 'wrong_role' ],
	[ 'wrong role: who read a case', 'GET', "/cases/$K/reads", $kw, undef, 403, 'wrong_role' ],
	[ 'wrong state', 'POST', "/cases/$R/actions/close", $mgr, undef, 409, 'wrong_state' ],
	[ 'wrong state: an action that opens a linked case', 'POST', "/cases/$P/actions/step_up", $mgr, undef, 409, 'wrong_state' ],
	[ 'a closed case', 'POST', "/cases/$D/actions/accept", $tri, undef, 409, 'case_closed' ],
	[ 'a record on a closed case', 'POST', "/cases/$D/records", $mgr, { type => 'case_note', fields => { summary => 's' } }, 409,
	  'case_closed' ],
	[ 'a guard: no consent', 'POST', "/cases/$G/actions/accept", $tri, undef, 409, 'guard_failed' ],
	[ "a guard over a fact: the key worker's caseload", 'POST', "/cases/$F/actions/allocate", $mgr,
	  { input => { key_worker => $uid{'Kit Worker'}, rationale => 'r' } }, 409, 'guard_failed' ],
	[ 'a required record missing', 'POST', "/cases/$K/actions/submit_assessment", $kw, undef, 409, 'missing_record' ],
	[ 'a closure summary missing', 'POST', "/cases/$C/actions/close", $mgr, undef, 409, 'missing_record' ],
	[ 'an extension past its cap', 'POST', "/cases/$K/actions/extend_timescale", $mgr,
	  { input => { timescale => 'assessment', until => '2026-12-01', reason => 'r' } }, 409, 'extension_over_cap' ],
	[ 'input of the wrong type', 'POST', "/cases/$R/actions/decline", $tri, { input => { reason => 5 } }, 422, 'invalid_input' ],
	[ 'required input missing', 'POST', "/cases/$R/actions/decline", $tri, { input => {} }, 422, 'invalid_input' ],
	[ 'an unknown input field', 'POST', "/cases/$R/actions/decline", $tri, { input => { reason => 'r', extra => 1 } }, 422, 'invalid_input' ],
	[ 'an unknown body field', 'POST', "/cases/$R/actions/decline", $tri, { input => { reason => 'r' }, also => 1 }, 422, 'invalid_input' ],
	[ 'input that is not an object', 'POST', "/cases/$R/actions/decline", $tri, { input => 'r' }, 422, 'invalid_input' ],
	[ 'a number out of range', 'POST', "/cases/$P/actions/review", $kw, { input => { held_on => '2026-01-05', score => 11 } }, 422,
	  'invalid_input' ],
	[ 'an impossible date', 'POST', "/cases/$P/actions/review", $kw, { input => { held_on => '2026-02-29' } }, 422, 'invalid_input' ],
	[ 'a user without the role', 'POST', "/cases/$F/actions/allocate", $mgr,
	  { input => { key_worker => $uid{'Audrey Auditor'}, rationale => 'r' } }, 422, 'invalid_input' ],
	[ 'an extension of an unknown timescale', 'POST', "/cases/$K/actions/extend_timescale", $mgr,
	  { input => { timescale => 'nope', until => '2026-02-03', reason => 'r' } }, 422, 'invalid_input' ],
	[ 'an unknown record type', 'POST', "/cases/$K/records", $kw, { type => 'diary', fields => { summary => 's' } }, 422, 'invalid_input' ],
	[ "a record's required field missing", 'POST', "/cases/$K/records", $kw, { type => 'case_note', fields => {} }, 422,
	  'invalid_input' ],
	[ 'open: unknown workflow', 'POST', '/cases', $tri, { workflow => 'nope' }, 422, 'invalid_input' ],
	[ 'open: data of the wrong type', 'POST', '/cases', $tri, { workflow => 'referral', data => { referrer => 1, consent => $yes } }, 422,
	  'invalid_input' ],
	[ 'open: a child without a date of birth', 'POST', '/cases', $tri,
	  { workflow => 'referral', data => { referrer => 'x', consent => $yes }, members => [ { name => 'C', role => 'child' } ] }, 422,
	  'invalid_input' ],
	[ 'open: a member id used twice', 'POST', '/cases', $tri,
	  { workflow => 'referral', data => { referrer => 'x', consent => $yes },
	    members => [ { id => 'a', name => 'A', role => 'parent' }, { id => 'a', name => 'B', role => 'parent' } ] }, 422, 'invalid_input' ],
	[ 'open: not an entry state', 'POST', '/cases', $tri, { workflow => 'referral', state => 'closed', data => { referrer => 'x', consent => $yes } },
	  422, 'invalid_input' ],
	[ 'the clock backwards', 'POST', '/clock', $tri, { now => '2026-01-05T11:00:00Z' }, 422, 'invalid_input' ],
	[ 'the clock without now', 'POST', '/clock', $tri, { then => '2026-01-06T00:00:00Z' }, 422, 'invalid_input' ],
);
refused(@$_) for @refusals;

# And after all of them, the cases are as they were, and the store verifies.
is must('GET', "/cases/$R", $tri)->{state}, 'received', 'the received case is still received';
is scalar @{ must('GET', "/cases/$F/history", $aud)->{events} }, 2, 'the refused allocation left no event';
kill 'TERM', $pid;
waitpid $pid, 0;
$pid = 0;
my $out = `'$bin' verify --db '$db' --root '$ref' 2>&1`;
is $? >> 8, 0, 'casework verify passes' or diag $out;

done_testing;
