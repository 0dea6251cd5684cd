# Issue 10 end to end: -ThrottleLimit on the cmdlets that change auth configs, against the emulator
# over real HTTP. Order of output and errors, the chaos mix of the reliability suite run with 8 in
# flight, a 429 storm that must not become a retry storm, Ctrl+C, -WhatIf/-Confirm decided on the
# pipeline thread, a failure that ends the pipeline, Verbose relay and progress.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator

    # Fresh configs named <prefix>1..n, in creation order.
    function New-Configs([string] $Prefix, [int] $Count) {
        Add-ComposioEmulatorSeed $emulator -Toolkit github -Count $Count -NamePrefix $Prefix | Out-Null
        @(Get-ComposioAuthConfig -Search $Prefix | Sort-Object { [int]($_.Name -replace '\D', '') })
    }

    # What an item of a merged output/error stream is about: an object's id, an error's target.
    function Get-ItemKey($Item) {
        if ($Item -is [System.Management.Automation.ErrorRecord]) { "$($Item.TargetObject)" } else { $Item.Id }
    }
}

AfterAll {
    Stop-TestEmulator $emulator
}

Describe '-ThrottleLimit' {
    BeforeAll { Reset-ComposioEmulator $emulator }
    AfterEach { Clear-ComposioEmulatorFault $emulator }

    It 'accepts 1 to 32 only' {
        { Remove-ComposioAuthConfig -Id ac_abc123 -ThrottleLimit 0 -WhatIf } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { Disable-ComposioAuthConfig -Id ac_abc123 -ThrottleLimit 33 -WhatIf } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'writes output and errors in input order while requests finish out of order, and bad items do not stop the rest' {
        $configs = New-Configs 'order-' 24
        # Random latency, so later requests often finish first.
        Add-Fault @(
            @{ method = 'PATCH'; path = $ConfigsPath; kind = 'latency'; delay_ms = 300; probability = 0.3; seed = 21 }
            @{ method = 'PATCH'; path = $ConfigsPath; kind = 'latency'; delay_ms = 120; probability = 0.4; seed = 22 }
            @{ method = 'PATCH'; path = $ConfigsPath; kind = 'latency'; delay_ms = 20 }
        )
        $ids = [System.Collections.Generic.List[string]]::new()
        foreach ($c in $configs) { $ids.Add($c.Id) }
        $ids.Insert(3, 'ac_missing0000001')     # 404 from the server
        $ids.Insert(10, '../toolkits/github')   # refused before any request
        $ids.Insert(17, 'ac_missing0000002')
        Clear-ComposioEmulatorRequest $emulator
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $items = @($ids | Disable-ComposioAuthConfig -ThrottleLimit 8 -PassThru -ErrorAction Continue 2>&1)
        $clock.Stop()

        @($items | ForEach-Object { Get-ItemKey $_ }) -join ',' | Should -Be ($ids -join ',')
        @($items | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) -join ',' |
            Should -Be 'ComposioNotFound,InvalidAuthConfigId,ComposioNotFound'
        @(Get-ComposioAuthConfig -Search 'order-' | Where-Object IsEnabled) | Should -BeNullOrEmpty
        @(Get-WireRequest $emulator PATCH '*toolkits*') | Should -BeNullOrEmpty
        # 26 status changes of 20-300 ms one after the other take over 3 s; 8 at a time, far less.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 2.5
    }

    It 'relays the Verbose and Debug lines of the requests, and says each removal in input order' {
        $configs = New-Configs 'verbose-' 6
        Add-Fault @(@{ method = 'DELETE'; path = $ConfigsPath; kind = 'status'; status = 429; headers = @{ 'retry-after-ms' = '50' }; times = 1 })
        $records = @($configs | Remove-ComposioAuthConfig -ThrottleLimit 4 -Force -Verbose -Debug 4>&1 5>&1)
        $lines = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $debug = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        @($debug -like '*DELETE*').Count | Should -BeGreaterOrEqual 7   # six removals and one retry
        @($lines -like 'Retrying DELETE*').Count | Should -Be 1
        @($lines -like 'Removed auth config*') -join "`n" | Should -Be (@($configs | ForEach-Object { "Removed auth config $($_.Id) ('$($_.Name)')." }) -join "`n")
    }

    It '-WhatIf sends nothing, from any of the five cmdlets' {
        $configs = New-Configs 'whatif-' 5
        Clear-ComposioEmulatorRequest $emulator
        $configs | Remove-ComposioAuthConfig -ThrottleLimit 8 -WhatIf
        $configs | Disable-ComposioAuthConfig -ThrottleLimit 8 -WhatIf
        $configs | Enable-ComposioAuthConfig -ThrottleLimit 8 -WhatIf
        $configs | Set-ComposioAuthConfig -Name 'renamed' -ThrottleLimit 8 -WhatIf
        $connection = Get-ComposioConnection
        1..5 | ForEach-Object { [pscustomobject]@{ Connection = $connection } } | New-ComposioAuthConfig -Toolkit github -Name 'whatif-new' -ThrottleLimit 8 -WhatIf
        @(Get-WireRequest $emulator $null "$ConfigsPath*") | Should -BeNullOrEmpty
    }

    It 'a failure that ends the pipeline ends it after the output of the items before it, naming later items already sent' {
        $configs = New-Configs 'stop-' 12
        $bad = Connect-Composio -ApiKey (ConvertTo-Secure 'ak_rejected_key_0001') -BaseUri $emulator.BaseUri -PassThru -SkipCheck
        Connect-TestEmulator $emulator | Out-Null
        $items = @($configs[0..2]) + @([pscustomobject]@{ Id = 'ac_rejected00001'; Connection = $bad }) + @($configs[3..11])
        Add-Fault @(@{ method = 'PATCH'; path = $ConfigsPath; kind = 'latency'; delay_ms = 200 })
        $out = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        $warnings = $null
        try { $items | Disable-ComposioAuthConfig -ThrottleLimit 8 -PassThru -WarningVariable warnings -WarningAction SilentlyContinue | ForEach-Object { $out.Add($_) } }
        catch { $failure = $_ }

        @($out | ForEach-Object Id) -join ',' | Should -Be (@($configs[0..2] | ForEach-Object Id) -join ',')
        $failure.FullyQualifiedErrorId | Should -BeLike 'ComposioUnauthorized*'
        $failure.TargetObject | Should -Be 'ac_rejected00001'
        "$warnings" | Should -Match 'pipeline stopped at ac_rejected00001'
        "$warnings" | Should -Match $configs[3].Id
    }

    It 'shows progress with done, failed and in-flight counts; the total once known' {
        $configs = New-Configs 'progress-' 24
        Add-Fault @(@{ method = 'PATCH'; path = $ConfigsPath; kind = 'latency'; delay_ms = 150 })
        $ids = @($configs | ForEach-Object Id) + 'ac_missing0000003'
        foreach ($case in @(
                @{ Script = 'param($ids) $ids | Disable-ComposioAuthConfig -ThrottleLimit 2'; Piped = $true }
                @{ Script = 'param($ids) Enable-ComposioAuthConfig -Id $ids -ThrottleLimit 2'; Piped = $false })) {
            $ps = New-TestShell
            try {
                $null = $ps.AddScript($case.Script).AddArgument($ids)
                $null = $ps.Invoke()
                $records = @($ps.Streams.Progress | Where-Object ActivityId -eq 4103)
                $running = @($records | Where-Object RecordType -ne 'Completed')
                $running.Count | Should -BeGreaterThan 0
                $running[-1].StatusDescription | Should -Be '25 of 25 done (1 failed), 0 in flight'
                if ($case.Piped) { $running[0].StatusDescription | Should -Match '^\d+ done.*, \d+ in flight, more to come$' }
                else { $running[0].StatusDescription | Should -Match '^\d+ of 25 done' }
                $records[-1].RecordType | Should -Be 'Completed'
            }
            finally { $ps.Runspace.Dispose(); $ps.Dispose() }
        }
    }
}

Describe 'Chaos: 150 creates and removes under mixed faults, 8 in flight' {
    BeforeAll {
        $faults = Start-Chaos
        $script:count = 150
        # One distinct name per item, bound by property name: a config made twice shows as a name held twice.
        $script:names = @(1..$script:count | ForEach-Object { 'chaos-bulk-{0:D3}' -f $_ })
        $script:created = @($script:names | ForEach-Object { [pscustomobject]@{ Name = $_ } } |
                New-ComposioAuthConfig -Toolkit github -ThrottleLimit 8 -ErrorAction Continue -WarningAction SilentlyContinue 2>&1)
        Clear-ComposioEmulatorFault $emulator
        $script:afterCreate = @(Get-ComposioAuthConfig -Search 'chaos-bulk')
        $script:reported = @($script:created | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $script:createErrors = @($script:created | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $script:unclear = @($script:createErrors | Where-Object { $_.FullyQualifiedErrorId -like 'CreateOutcomeUnknown*' })

        # Remove what was reported, and what the unclear creates turn out to have made; with
        # -RevokeOnDelete each removal done writes an object, so done and failed can be told apart in order.
        $reportedIds = @($script:reported | ForEach-Object Id)
        $script:toRemove = @($reportedIds) + @($script:afterCreate | Where-Object Id -notin $reportedIds | ForEach-Object Id)
        Add-Fault $faults
        $script:removal = @($script:toRemove | Remove-ComposioAuthConfig -RevokeOnDelete -ThrottleLimit 8 -Confirm:$false -ErrorAction Continue 2>&1)
        Clear-ComposioEmulatorFault $emulator
        $script:afterRemove = @(Get-ComposioAuthConfig -Search 'chaos-bulk')
        Write-Host ("bulk chaos: {0} created, {1} create errors ({2} unclear), {3} on the server; {4} removals, {5} failed" -f
            $script:reported.Count, $script:createErrors.Count, $script:unclear.Count, $script:afterCreate.Count,
            $script:removal.Count, @($script:removal | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count)
    }

    AfterAll { Connect-TestEmulator $emulator | Out-Null }

    It 'accounts for every create: one object or one error per item' {
        $script:created.Count | Should -Be $script:count
    }

    It 'really was disturbed' {
        $script:createErrors.Count | Should -BeGreaterThan 0
        $script:reported.Count | Should -BeGreaterThan 75
    }

    It 'made no config twice: the server holds the reported ones, plus at most one per unclear create' {
        $serverIds = @($script:afterCreate | ForEach-Object Id)
        @($script:reported | ForEach-Object Id | Sort-Object -Unique).Count | Should -Be $script:reported.Count
        foreach ($config in $script:reported) { $serverIds | Should -Contain $config.Id }
        ($serverIds.Count - $script:reported.Count) | Should -BeLessOrEqual $script:unclear.Count
        # Name by name: never two configs for one item.
        @($script:afterCreate | Group-Object Name | Where-Object Count -gt 1) | Should -BeNullOrEmpty
    }

    It 'wrote one create result per item, in input order' {
        @($script:created | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.TargetObject.Name } else { $_.Name } }) -join ',' |
            Should -Be ($script:names -join ',')
    }

    It 'reported each failed create with a stable id' {
        foreach ($failure in $script:createErrors) {
            ($failure.FullyQualifiedErrorId -split ',')[0] | Should -BeIn 'CreateOutcomeUnknown', 'ComposioServerError', 'ComposioRateLimited', 'ComposioTimeout', 'ComposioConnectionFailed'
            # The target is the piped row itself; the message names it by name and toolkit.
            $failure.TargetObject.Name | Should -BeLike 'chaos-bulk-*'
            "$failure" | Should -Match "'chaos-bulk-\d+' \(toolkit github\)"
        }
    }

    It 'wrote one removal result per id, in input order' {
        @($script:removal | ForEach-Object { Get-ItemKey $_ }) -join ',' | Should -Be ($script:toRemove -join ',')
    }

    It 'removed every config whose removal was reported done, and reported each failed one' {
        $left = @($script:afterRemove | ForEach-Object Id)
        foreach ($item in $script:removal) {
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                ($item.FullyQualifiedErrorId -split ',')[0] | Should -BeIn 'ComposioServerError', 'ComposioRateLimited', 'ComposioTimeout', 'ComposioConnectionFailed'
            }
            else { $left | Should -Not -Contain $item.Id }
        }
    }
}

Describe 'A 429 storm with 8 in flight' {
    BeforeAll { Reset-ComposioEmulator $emulator }
    AfterEach { Clear-ComposioEmulatorFault $emulator }

    It 'costs no more requests than workers x attempts, and every item is accounted for' {
        $configs = New-Configs 'storm-' 40
        Clear-ComposioEmulatorRequest $emulator
        # Every status change is answered 429 (retry-after-ms 200) for 1 s. Eight workers retrying
        # on their own would send about 8 x 5 = 40 requests into it.
        Add-Fault @(@{ method = 'PATCH'; path = $ConfigsPath; kind = 'status'; status = 429; headers = @{ 'retry-after-ms' = '200' } })
        $ps = New-TestShell
        try {
            $null = $ps.AddScript('param($configs) $configs | Disable-ComposioAuthConfig -ThrottleLimit 8 -PassThru').AddArgument($configs)
            $async = $ps.BeginInvoke()
            Wait-WireRequest $emulator PATCH "$ConfigsPath*"
            Start-Sleep -Milliseconds 1000
            Clear-ComposioEmulatorFault $emulator
            $done = @($ps.EndInvoke($async))
            $failed = @($ps.Streams.Error)
        }
        finally { $ps.Runspace.Dispose(); $ps.Dispose() }

        $throttled = @(Get-WireRequest $emulator PATCH "$ConfigsPath*" | Where-Object status -eq 429)
        $throttled.Count | Should -BeGreaterThan 1
        $throttled.Count | Should -BeLessOrEqual (8 * 3)
        ($done.Count + $failed.Count) | Should -Be 40
        foreach ($f in $failed) { ($f.FullyQualifiedErrorId -split ',')[0] | Should -Be 'ComposioRateLimited' }
        $left = @(Get-ComposioAuthConfig -Search 'storm-' -Status Enabled | ForEach-Object Id)   # enabled ones
        @($done | ForEach-Object Id | Where-Object { $_ -in $left }) | Should -BeNullOrEmpty
    }
}

Describe 'Ctrl+C with 8 in flight' {
    BeforeAll {
        Reset-ComposioEmulator $emulator
        $script:configs = New-Configs 'ctrlc-' 30

        # Stops a bulk run of 8 in flight once -Until holds; as in Reliability.Tests.ps1, the shortest of up to three stops.
        function Measure-BulkStop([scriptblock] $Until) {
            Measure-FastestStop 'param($configs) $configs | Disable-ComposioAuthConfig -ThrottleLimit 8' $Until -Arguments (, $script:configs) -Before { Clear-ComposioEmulatorRequest $emulator }
        }
    }
    AfterEach {
        Clear-ComposioEmulatorFault $emulator
        # A Retry-After asked of the connection holds it even after the stop: start the next test on a fresh one.
        Connect-TestEmulator $emulator | Out-Null
    }

    It 'stops 8 requests that hang, and sends none after' {
        Add-Fault @(@{ method = 'PATCH'; path = $ConfigsPath; kind = 'latency'; delay_ms = 10000 })
        Measure-BulkStop { Wait-WireRequest $emulator PATCH "$ConfigsPath*" 8 } | Should -BeLessThan 400
        Start-Sleep -Milliseconds 300
        $sent = @(Get-WireRequest $emulator PATCH "$ConfigsPath*")
        $sent.Count | Should -Be 8
        # Each was abandoned by the client, not answered.
        @($sent | Where-Object { $null -ne $_.status }) | Should -BeNullOrEmpty
    }

    It 'stops a run held by the shared backoff (503 with Retry-After 30)' {
        Add-Fault @(@{ method = 'PATCH'; path = $ConfigsPath; kind = 'status'; status = 503; headers = @{ 'Retry-After' = '30' } })
        # Stopped once all 8 were answered 503: every request is then held by the shared backoff.
        Measure-BulkStop { Wait-WireRequest $emulator PATCH "$ConfigsPath*" 8 -Answered } | Should -BeLessThan 400
    }
}

Describe '-Confirm with -ThrottleLimit' {
    BeforeAll {
        Reset-ComposioEmulator $emulator
        # A host whose prompts answer Yes for even item numbers and No for odd ones, and note the thread they came on.
        if (-not ('BulkTests.ConfirmHost' -as [type])) {
            Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Threading;

namespace BulkTests
{
    public sealed class ConfirmHost : PSHost
    {
        private readonly ConfirmUI _ui = new ConfirmUI();
        public List<int> PromptThreads => _ui.Threads;
        public List<string> PromptTexts => _ui.Texts;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override string Name => "BulkTestsConfirmHost";
        public override Version Version => new Version(1, 0);
        public override PSHostUserInterface UI => _ui;
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class ConfirmUI : PSHostUserInterface
    {
        public List<int> Threads { get; } = new List<int>();
        public List<string> Texts { get; } = new List<string>();
        public override PSHostRawUserInterface RawUI => null;
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (Threads)
            {
                Threads.Add(Thread.CurrentThread.ManagedThreadId);
                Texts.Add(message);
                // Choices: Yes, Yes to All, No, No to All, Suspend.
                return Threads.Count % 2 == 1 ? 0 : 2;
            }
        }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteLine(string value) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
'@
        }
    }

    It 'asks for each item on the pipeline thread, before its request, and sends only what was confirmed' {
        $configs = New-Configs 'confirm-' 10
        Add-Fault @(@{ method = 'DELETE'; path = $ConfigsPath; kind = 'latency'; delay_ms = 100 })
        Clear-ComposioEmulatorRequest $emulator
        $confirmHost = [BulkTests.ConfirmHost]::new()
        $ps = New-TestShell $confirmHost
        try {
            $null = $ps.AddScript('param($configs) [Threading.Thread]::CurrentThread.ManagedThreadId; $configs | Remove-ComposioAuthConfig -ThrottleLimit 8 -Confirm').AddArgument($configs)
            $pipelineThread = @($ps.Invoke())[0]
        }
        finally { $ps.Runspace.Dispose(); $ps.Dispose() }

        $confirmHost.PromptThreads.Count | Should -Be 10
        @($confirmHost.PromptThreads | Sort-Object -Unique) | Should -Be @($pipelineThread)
        for ($i = 0; $i -lt 10; $i++) { $confirmHost.PromptTexts[$i] | Should -Match $configs[$i].Id }
        $removed = @(Get-WireRequest $emulator DELETE "$ConfigsPath*" | ForEach-Object { ($_.path -split '/')[-1] } | Sort-Object)
        $confirmed = @(for ($i = 0; $i -lt 10; $i += 2) { $configs[$i].Id }) | Sort-Object
        $removed -join ',' | Should -Be ($confirmed -join ',')
        Clear-ComposioEmulatorFault $emulator
        $declined = @(for ($i = 1; $i -lt 10; $i += 2) { $configs[$i].Id }) | Sort-Object
        @(Get-ComposioAuthConfig -Search 'confirm-' | ForEach-Object Id | Sort-Object) -join ',' | Should -Be ($declined -join ',')
    }
}
