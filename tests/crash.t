#!/usr/bin/env perl
# tests/crash.t: SIGKILL while timers are due, and while clients act.
#
# Each round: (1) a server on a virtual clock started in the past (2020)
# opens, accepts and allocates referrals while a client records every 2xx;
# it is killed with SIGKILL mid-stream. Every timescale it started is
# overdue in real time. (2) A server on the real clock is started: it fires
# the overdue timers on start (DESIGN.md §5) and is killed with SIGKILL as
# soon as the first breach is in the store, while the rest are still due.
# (3) A real-clock server is started again, finishes the firing, serves
# another client, and is killed mid-stream too. At the end: every breach is
# recorded exactly once (one timer event per timescale key, at due + 1s),
# nothing overdue is left pending, every acknowledged action is in the
# store, a further restart fires nothing, and `casework verify` passes.
use v5.36;
use strict;
use warnings;
use FindBin;
use File::Temp qw(tempdir);
use HTTP::Tiny;
use JSON::PP;
use POSIX qw(WNOHANG);
use Socket qw(IPPROTO_TCP TCP_NODELAY);
use Time::HiRes qw(time sleep);
use Test::More;

my $repo = "$FindBin::Bin/..";
my $bin = $ENV{CASEWORK} // "$repo/build/casework";
my $ref = "$repo/tests/reference";
my $tmp = tempdir('casework-crash-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $db = "$tmp/crash.db";
my $json = JSON::PP->new->canonical;
my $main_pid = $$;
# Die by exit, not by the signal, so that END still kills the servers.
$SIG{$_} = sub { exit 1 } for qw(INT TERM HUP PIPE);
my $rounds = $ENV{CRASH_ROUNDS} || 4;   # make soak runs 20

# The reference authority, with room for every referral these rounds open
# (its limit of 50 open families would refuse accept by its guard, L52).
my $root = "$tmp/root";
mkdir $_ or die "$_: $!" for $root, "$root/authorities", "$root/workflows", "$root/workflows/testshire";
{
	my $a = do { local (@ARGV, $/) = "$ref/authorities/testshire.lua"; <> };
	$a =~ s/service_families = 50\b/service_families = 100000/ or die 'no service_families limit in testshire.lua';
	open my $fh, '>', "$root/authorities/testshire.lua" or die;
	print $fh $a;
	for my $w (glob "$ref/workflows/testshire/*.lua") {
		(my $to = $w) =~ s{^\Q$ref\E}{$root};
		open my $in, '<', $w or die;
		open my $o, '>', $to or die;
		print {$o} <$in>;
	}
}

{
	no warnings 'redefine';
	my $connect = \&HTTP::Tiny::Handle::connect;
	*HTTP::Tiny::Handle::connect = sub {
		my $h = $connect->(@_);
		setsockopt($h->{fh}, IPPROTO_TCP, TCP_NODELAY, 1);
		return $h;
	};
}

my %live;   # pid => 1, killed at exit
END {
	if ($$ == $main_pid) {
		for my $pid (keys %live) {
			kill 'KILL', $pid;
			waitpid $pid, 0;
		}
	}
}

sub slurp($path) {
	open my $fh, '<', $path or return '';
	local $/;
	return scalar <$fh>;
}

sub sql($q) {
	my $out = `sqlite3 -cmd '.timeout 5000' '$db' "$q" 2>&1`;
	die "sqlite3: $out\n$q" if $?;
	chomp $out;
	return $out;
}

my $nserve = 0;
# Start a server; return {pid, base}. wait_health: also wait for /health
# (which a real-clock server answers only once its overdue timers are fired).
sub start_server(%o) {
	$nserve++;
	my $out = "$tmp/serve$nserve.out";
	my $err = "$tmp/serve$nserve.err";
	my $pid = fork // die "fork: $!";
	if (!$pid) {
		open STDOUT, '>', $out or POSIX::_exit(126);
		open STDERR, '>', $err or POSIX::_exit(126);
		exec $bin, 'serve', '--db', $db, '--listen', '127.0.0.1:0', '--clock', $o{clock}, '--demo', '--root', $root,
			($o{start} ? ('--start', $o{start}) : ()) or POSIX::_exit(127);
	}
	$live{$pid} = 1;
	my $s = { pid => $pid, err => $err };
	my $deadline = time + 15;
	until (($s->{base}) = slurp($out) =~ m{casework is serving on (http://127\.0\.0\.1:\d+)}) {
		die "server exited: " . slurp($err) if waitpid($pid, WNOHANG) == $pid;
		die "server did not start: " . slurp($err) if time > $deadline;
		sleep 0.005;
	}
	if ($o{wait_health}) {
		# A real-clock server answers once its overdue timers have fired.
		my $h = HTTP::Tiny->new(timeout => 5);
		$deadline = time + 30;
		for (;;) {
			my $t0 = time;
			my $r = $h->get("$s->{base}/health");
			last if $r->{status} == 200;
			diag sprintf 'GET /health: %s after %.1f s: %s', $r->{status}, time - $t0, substr($r->{content}, 0, 200)
				if time - $t0 > 1;
			die 'server never answered /health: ' . slurp($err) if time > $deadline;
			sleep 0.01;
		}
	}
	return $s;
}

sub kill9($s) {
	kill 'KILL', $s->{pid};
	waitpid $s->{pid}, 0;
	delete $live{ $s->{pid} };
}

# A client in a child process: runs steps, appending "case seq name" to the
# ack file for every 2xx and stopping at the first failure to connect (the
# kill). Any other refusal is written to the err file.
sub client($base, $ackfile, $steps) {
	my $pid = fork // die "fork: $!";
	return $pid if $pid;
	my $h = HTTP::Tiny->new(timeout => 20, keep_alive => 1);
	open my $ack, '>>', $ackfile or POSIX::_exit(2);
	open my $bad, '>>', "$ackfile.err" or POSIX::_exit(2);
	$ack->autoflush(1);
	$bad->autoflush(1);
	my %ctx;
	for my $step (@$steps) {
		my ($token, $method, $path, $body, $name) = $step->(\%ctx);
		next unless $path;
		my $r = $h->request($method, "$base$path",
			{ headers => { Authorization => "Bearer $token" }, (defined $body ? (content => $json->encode($body)) : ()) });
		last if $r->{status} == 599;   # the server is gone
		if ($r->{status} !~ /^2/) {
			print $bad "$method $path: $r->{status} $r->{content}\n";
			next;
		}
		my $v = eval { $json->decode($r->{content}) } or do { print $bad "$path: not JSON\n"; next };
		print $ack "$v->{id} $v->{seq} $name\n";
		$ctx{last} = $v;
	}
	POSIX::_exit(0);
}

sub lines($path) { my @l = grep { length } split /\n/, slurp($path); return scalar @l }

# Wait until the ack file holds n lines, or the client finished.
sub wait_acks($client, $ackfile, $n) {
	my $deadline = time + 30;
	while (time < $deadline) {
		return 1 if lines($ackfile) >= $n;
		return 0 if waitpid($client, WNOHANG) == $client;
		sleep 0.002;
	}
	return 0;
}

sub reap($pid) {
	my $deadline = time + 30;
	until (waitpid($pid, WNOHANG) == $pid) {
		if (time > $deadline) { kill 'KILL', $pid; waitpid $pid, 0; last }
		sleep 0.005;
	}
}

my ($tri, $mgr, $kw) = map { "demo-testshire-$_" } qw(triage manager kw);
my $ackfile = "$tmp/acks";
open my $touch, '>', $ackfile or die;
close $touch;
my $kw_id;
my $interrupted = 0;   # real-clock kills that landed with breaches both recorded and still due
my $now = "CAST(strftime('%s','now') AS INTEGER)";

for my $round (1 .. $rounds) {
	# (1) virtual clock in the past: open up to 240 referrals, accept 2 in 3,
	# allocate 1 in 3: enough overdue clocks that firing them (breaches share
	# commits, a few ms each) lasts long enough for the SIGKILL in (2) to land in it
	my $m = 2 * $round - 2;   # every other month from January 2020
	my $start = sprintf '%04d-%02d-06T09:00:00Z', 2020 + int($m / 12), $m % 12 + 1;
	my $v = start_server(clock => 'virtual', start => $start, wait_health => 1);
	unless ($kw_id) {
		my $u = $json->decode(HTTP::Tiny->new->get("$v->{base}/users", { headers => { Authorization => "Bearer $tri" } })->{content});
		($kw_id) = map { $_->{id} } grep { $_->{name} eq 'Kit Worker' } @{ $u->{users} };
	}
	my @steps;
	for my $i (1 .. 240) {
		push @steps, sub ($c) {
			return ($tri, 'POST', '/cases', { workflow => 'referral', data => { referrer => "r$round.$i", consent => JSON::PP::true } },
				'referral');
		};
		push @steps, sub ($c) { $i % 3 ? ($tri, 'POST', "/cases/$c->{last}{id}/actions/accept", undef, 'accept') : () };
		push @steps, sub ($c) {
			$i % 3 == 1 ? ($mgr, 'POST', "/cases/$c->{last}{id}/actions/allocate",
				{ input => { key_worker => $kw_id, rationale => "round $round" } }, 'allocate') : ();
		};
	}
	my $before = lines($ackfile);
	my $c = client($v->{base}, $ackfile, \@steps);
	wait_acks($c, $ackfile, $before + 220 + int rand 100);
	kill9($v);
	reap($c);
	my $acked = lines($ackfile) - $before;
	ok $acked >= 220, "round $round: virtual clock: $acked actions acknowledged before SIGKILL";
	is sql('PRAGMA integrity_check'), 'ok', "round $round: the store is intact after SIGKILL";

	# (2) real clock: overdue timers fire on start; SIGKILL at the first breach recorded
	my $due = sql("SELECT count(*) FROM timescales WHERE status = 'pending' AND due < $now");
	my $timers = sql("SELECT count(*) FROM events WHERE kind = 'timer'");
	ok $due > 0, "round $round: $due timescales overdue before the real-clock start";
	my $r = start_server(clock => 'real');
	my $deadline = time + 20;
	sleep 0.002 until sql("SELECT count(*) FROM events WHERE kind = 'timer'") > $timers || time > $deadline;
	kill9($r);
	my $left = sql("SELECT count(*) FROM timescales WHERE status = 'pending' AND due < $now");
	my $fired = sql("SELECT count(*) FROM events WHERE kind = 'timer'") - $timers;
	note "round $round: SIGKILL with $fired breach(es) recorded and $left timescale(s) still overdue";
	$interrupted++ if $fired > 0 && $left > 0;
	is sql('PRAGMA integrity_check'), 'ok', "round $round: the store is intact after SIGKILL while firing";

	# (3) real clock again: firing completes before the first request is served;
	# then a client adds case notes to allocated cases, and is cut off by SIGKILL
	$r = start_server(clock => 'real', wait_health => 1);
	is sql("SELECT count(*) FROM timescales WHERE status = 'pending' AND due < $now"), 0,
		"round $round: restarted, every overdue timer has fired";
	my @allocated = map { (split)[0] } grep { / allocate$/ } split /\n/, slurp($ackfile);
	my @notes = map { my $id = $_; sub ($c) { ($kw, 'POST', "/cases/$id/records", { type => 'case_note', fields => { summary => 'n' } },
		'add_record') } } @allocated;
	$before = lines($ackfile);
	$c = client($r->{base}, $ackfile, \@notes);
	wait_acks($c, $ackfile, $before + 5 + int rand 5);
	kill9($r);
	reap($c);
	ok lines($ackfile) > $before, "round $round: real clock: " . (lines($ackfile) - $before) . ' case notes acknowledged before SIGKILL';
}
ok $interrupted > 0, "a SIGKILL landed while breaches were being recorded ($interrupted of $rounds rounds)";

# The last start: everything overdue fires, once.
my $r = start_server(clock => 'real', wait_health => 1);
kill 'TERM', $r->{pid};
reap($r->{pid});
delete $live{ $r->{pid} };

is sql("SELECT count(*) FROM timescales WHERE status = 'pending' AND due < $now"), 0, 'no overdue timescale is left pending';
my $timers = sql("SELECT count(*) FROM events WHERE kind = 'timer'");
ok $timers > 100, "$timers breaches recorded over $rounds rounds";
is sql("SELECT count(*) FROM (SELECT case_id, json_extract(input, '\$.key') k FROM events WHERE kind = 'timer' GROUP BY 1, 2 HAVING count(*) > 1)"),
	0, 'no timescale was breached twice (one timer event per case and key)';
is sql("SELECT count(*) FROM timescales t WHERE t.status = 'breached' AND (SELECT count(*) FROM events e WHERE e.case_id = t.case_id"
	. " AND e.kind = 'timer' AND json_extract(e.input, '\$.key') = t.key) <> 1"), 0, 'every breached timescale has exactly one breach event';
is sql("SELECT count(*) FROM events e JOIN timescales t ON t.case_id = e.case_id AND t.key = json_extract(e.input, '\$.key')"
	. " WHERE e.kind = 'timer' AND e.at <> t.due + 1"), 0, 'each breach is recorded a second after its due instant, however late it fired';
is sql("SELECT count(*) FROM events WHERE kind = 'timer' AND at > $now - 3600"), 0, 'no breach is stamped with the restart time';

# Every acknowledged action is in the store.
{
	my @acks = map { [split] } grep { length } split /\n/, slurp($ackfile);
	my %have = map { my @f = split /\|/; ("$f[0] $f[1]" => $f[2]) } split /\n/, sql('SELECT case_id, seq, name FROM events');
	my @lost = grep { ($have{"$_->[0] $_->[1]"} // '') ne $_->[2] } @acks;
	is scalar(@lost), 0, scalar(@acks) . ' acknowledged actions, all in the store' or diag join "\n", map { "@$_" } @lost[ 0 .. 9 ];
	is slurp("$ackfile.err"), '', 'no request was refused (other than by the kills)';
}

# A further restart fires nothing: the breaches were recorded once, for good.
$r = start_server(clock => 'real', wait_health => 1);
kill 'TERM', $r->{pid};
reap($r->{pid});
delete $live{ $r->{pid} };
is sql("SELECT count(*) FROM events WHERE kind = 'timer'"), $timers, 'a clean restart records no breach again';

my $out = `'$bin' verify --db '$db' --root '$root' 2>&1`;
is $? >> 8, 0, 'casework verify passes after the kills' or diag $out;

# A virtual-clock server killed after its clock was moved on, and restarted
# with the same --start: the clock is back at the start, behind events the
# store already holds. A case's events must still never go back in time
# (replay --as-of cuts the log at the first event after the date).
{
	$db = "$tmp/virtual.db";
	my $h = HTTP::Tiny->new(timeout => 10);
	my $post = sub ($s, $path, $body = undef) {
		my $r = $h->request('POST', "$s->{base}$path",
			{ headers => { Authorization => "Bearer $tri" }, (defined $body ? (content => $json->encode($body)) : ()) });
		return ($r->{status}, eval { $json->decode($r->{content}) });
	};
	my $v = start_server(clock => 'virtual', start => '2026-01-05T09:00:00Z', wait_health => 1);
	my (undef, $case) = $post->($v, '/cases', { workflow => 'referral', data => { referrer => 'x', consent => JSON::PP::true } });
	my ($st, $clock) = $post->($v, '/clock', { now => '2026-01-07T09:00:00Z' });
	is_deeply [ $st, $clock->{breaches} ], [ 200, 1 ], 'virtual clock moved on: triage breached';
	kill9($v);
	$v = start_server(clock => 'virtual', start => '2026-01-05T09:00:00Z', wait_health => 1);
	($st) = $post->($v, "/cases/$case->{id}/actions/accept");
	kill9($v);
	my @at = split /\n/, sql("SELECT at FROM events WHERE case_id = $case->{id} ORDER BY seq");
	my @back = grep { $at[$_] < $at[ $_ - 1 ] } 1 .. $#at;
	ok $st != 200 || !@back, "after the restart an action is refused or stamped no earlier than the case's last event (got $st; times @at)";
}

done_testing;
