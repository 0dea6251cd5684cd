<#
.SYNOPSIS
    Measures the module against the design's performance targets, in one run, as ratios.
.DESCRIPTION
    Everything runs against the local emulator over real HTTP on 127.0.0.1. The machine is shared
    and noisy: compare the ratios within one run, not absolute figures across runs.
      1. Import cost: Import-Module timed inside fresh processes, against an empty manifest module.
      2. Per call: Get-ComposioAuthConfig -Id vs a raw HttpClient loop vs the official TypeScript SDK,
         each after -WarmUpCalls untimed calls (the steady state, not the first calls' compilation).
      3. Streaming 100,000 configs: time to first object, managed memory while listing.
      4. Tab completion / dynamic parameters with a warm toolkit cache.
      5. Bulk: with 100 ms of injected latency on every API request, N creates then N removes
         piped one by one, with -ThrottleLimit 8, and by the TypeScript SDK with 8 calls in flight
         doing what a user writes (create, then delete; no extra read) (medians of -BulkRuns runs,
         interleaved); managed memory while 5,000 piped items go through -ThrottleLimit 8.
      6. Latency: requests per operation counted in the emulator's request log for the module, the
         TypeScript SDK and raw Invoke-RestMethod; then a one-shot admin script (import, connect,
         create, remove) as whole processes against the same script written with Invoke-RestMethod,
         in paired alternating runs, with 100 ms on every API request and with 0 ms; the module's
         script also times Import, Connect and the first New inside its process (cold start); with
         -BaselineModulePath an earlier build runs the same script in the same sequence.
    -Section runs only some of them (e.g. -Section Latency).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Calls = 1000,
    [int] $WarmUpCalls = 300,
    [int] $ImportRuns = 9,
    [int] $StreamCount = 100000,
    [int] $BulkCount = 200,
    [int] $BulkRuns = 3,
    [int] $BulkMemoryCount = 5000,
    [int] $OneShotPairs = 9,
    # An earlier build of the module (its Composio.psd1): the latency section's one-shot script runs
    # it too, in the same alternating sequence, for before/after figures.
    [string] $BaselineModulePath,
    [ValidateSet('Import', 'PerCall', 'Stream', 'Completion', 'Bulk', 'Latency')]
    [string[]] $Section = @('Import', 'PerCall', 'Stream', 'Completion', 'Bulk', 'Latency')
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot -Parent
Import-Module (Join-Path $root 'tools/EmulatorControl.psm1')
Import-Module $ModulePath
$env:COMPOSIO_CACHE_DIR = Join-Path ([IO.Path]::GetTempPath()) "composio-bench-cache-$PID"
$results = [ordered]@{}

# The official TypeScript SDK (@composio/core, pinned in bench/node/package-lock.json), when node is here.
$node = Get-Command node -ErrorAction SilentlyContinue
$nodeDir = Join-Path $PSScriptRoot 'node'
if ($node -and (Get-Command npm -ErrorAction SilentlyContinue) -and -not (Test-Path (Join-Path $nodeDir 'node_modules/@composio/core'))) {
    Write-Host 'Installing @composio/core for the comparison...'
    npm ci --prefix $nodeDir --no-audit --no-fund --silent | Out-Null
}
$tsReady = $node -and (Test-Path (Join-Path $nodeDir 'node_modules/@composio/core'))

function Invoke-Pwsh {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { & $exe (Join-Path $PSHOME 'pwsh.dll') @args }
    else { & $exe @args }
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $sorted[[int][Math]::Floor($sorted.Count / 2)]
}

function Measure-Ms([scriptblock] $Block) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    & $Block | Out-Null
    $clock.Elapsed.TotalMilliseconds
}

if ($Section | Where-Object { $_ -in 'Import', 'PerCall', 'Stream', 'Completion' }) {
$emulator = Start-ComposioEmulator -ApiKey 'ak_bench_key'
try {
    Connect-Composio -ApiKey (ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force) -BaseUri $emulator.BaseUri | Out-Null

    if ('Import' -in $Section) {
        # 1. Import cost, timed inside fresh processes (the design's measure: process start-up is
        # the same for both and only adds noise), interleaved so drift in machine load hits both
        # alike. An empty script module shows what Import-Module itself costs, so the module's own
        # share can be told apart from the engine's.
        Write-Host "Import: $ImportRuns runs each..."
        $empty = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "composio-bench-empty-$PID")
        Set-Content (Join-Path $empty 'Empty.psm1') ''
        Set-Content (Join-Path $empty 'Empty.psd1') "@{ ModuleVersion = '1.0'; RootModule = 'Empty.psm1'; FunctionsToExport = @(); CmdletsToExport = @() }"
        $timed = { param($path) [double](Invoke-Pwsh -NoProfile -NonInteractive -Command "`$clock = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$path'; `$clock.Elapsed.TotalMilliseconds") }
        $withEmpty = @(); $withModule = @()
        for ($i = 0; $i -lt $ImportRuns; $i++) {
            $withEmpty += & $timed "$empty/Empty.psd1"
            $withModule += & $timed $ModulePath
        }
        Remove-Item $empty -Recurse -Force
        $emptyMedian = Get-Median $withEmpty
        $importMedian = Get-Median $withModule
        $results.ImportEmptyModuleInProcessMedianMs = [Math]::Round($emptyMedian, 1)
        $results.ImportModuleInProcessMedianMs = [Math]::Round($importMedian, 1)
        $results.ImportAddedOverEmptyModuleMs = [Math]::Round($importMedian - $emptyMedian, 1)
    }

    if ('PerCall' -in $Section) {
        # 2. Per call: the same GET by id, three ways.
        $config = New-ComposioAuthConfig -Toolkit github -Name 'bench-config' -Confirm:$false
        $id = $config.Id
        Write-Host "Per call: $Calls x GET /auth_configs/$id ..."
        # Per call is the steady state: both sides first make $WarmUpCalls calls and then pause,
        # so neither is timed while .NET still runs its first, unoptimised code or recompiles it
        # in the background (tiered compilation: after 30 calls, once 100 ms pass without new code).
        for ($i = 0; $i -lt $WarmUpCalls; $i++) { Get-ComposioAuthConfig -Id $id | Out-Null }
        $http = [System.Net.Http.HttpClient]::new()
        $http.DefaultRequestHeaders.Add('x-api-key', $emulator.ApiKey)
        $url = "$($emulator.BaseUri)/api/v3.1/auth_configs/$id"
        for ($i = 0; $i -lt $WarmUpCalls; $i++) { $http.GetStringAsync($url).GetAwaiter().GetResult() | ConvertFrom-Json | Out-Null }
        Start-Sleep -Milliseconds 500

        # Interleaved in rounds of 20 calls, so drift in machine load hits both sides alike.
        # The raw loop also parses the JSON, as any caller must.
        $moduleMs = 0; $rawMs = 0
        for ($round = 0; $round -lt [Math]::Ceiling($Calls / 20); $round++) {
            $moduleMs += Measure-Ms { for ($i = 0; $i -lt 20; $i++) { Get-ComposioAuthConfig -Id $id } }
            $rawMs += Measure-Ms { for ($i = 0; $i -lt 20; $i++) { $http.GetStringAsync($url).GetAwaiter().GetResult() | ConvertFrom-Json } }
        }
        $Calls = [Math]::Ceiling($Calls / 20) * 20
        $http.Dispose()
        $results.PerCallModuleMs = [Math]::Round($moduleMs / $Calls, 3)
        $results.PerCallRawHttpClientMs = [Math]::Round($rawMs / $Calls, 3)
        $results.ModuleVsRawRatio = [Math]::Round($moduleMs / $rawMs, 2)

        if ($tsReady) {
            $ts = & $node.Source (Join-Path $nodeDir 'get-auth-config.mjs') $emulator.BaseUri $emulator.ApiKey $id $Calls $WarmUpCalls | ConvertFrom-Json
            $results.PerCallTypeScriptSdkMs = [Math]::Round($ts.ms / $Calls, 3)
            $results.ModuleVsTypeScriptRatio = [Math]::Round($moduleMs / $ts.ms, 2)
        }
        else {
            $results.PerCallTypeScriptSdkMs = 'skipped: node or @composio/core not found'
        }
    }

    if ('Stream' -in $Section) {
        # 3. Streaming a large listing: the first object must come out before the second page is asked for.
        Write-Host "Streaming: seeding $StreamCount configs..."
        Add-ComposioEmulatorSeed $emulator -Toolkit github -Count $StreamCount -NamePrefix 'stream-' | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        [GC]::Collect()
        $baseline = [GC]::GetTotalMemory($true)
        $samples = [Collections.Generic.List[long]]::new()
        $state = @{ Count = 0; FirstMs = $null; PagesAtFirst = $null }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Get-ComposioAuthConfig | ForEach-Object {
            $state.Count++
            if ($state.Count -eq 1) {
                $state.FirstMs = $clock.Elapsed.TotalMilliseconds
                $state.PagesAtFirst = @(Get-ComposioEmulatorRequest $emulator | Where-Object { $_.path -like '*/auth_configs' }).Count
            }
            if ($state.Count % 10000 -eq 0) { $samples.Add([GC]::GetTotalMemory($false) - $baseline) }
        }
        $results.StreamItems = $state.Count
        $results.StreamTotalMs = [Math]::Round($clock.Elapsed.TotalMilliseconds, 0)
        $results.StreamFirstObjectMs = [Math]::Round($state.FirstMs, 1)
        $results.StreamPagesRequestedBeforeFirstObject = $state.PagesAtFirst
        $results.StreamManagedMemoryMB = ($samples | ForEach-Object { [Math]::Round($_ / 1MB, 1) }) -join ' '
    }

    if ('Completion' -in $Section) {
        # 4. Completion and dynamic parameters with a warm cache (the first call fills it).
        $line = 'New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Cli'
        TabExpansion2 -inputScript $line -cursorColumn $line.Length | Out-Null
        $times = 1..20 | ForEach-Object { Measure-Ms { TabExpansion2 -inputScript $line -cursorColumn $line.Length } }
        $results.CompletionDynamicParameterMedianMs = [Math]::Round((Get-Median $times), 2)
        $line = 'Get-ComposioToolkit -Slug no'
        TabExpansion2 -inputScript $line -cursorColumn $line.Length | Out-Null
        $times = 1..20 | ForEach-Object { Measure-Ms { TabExpansion2 -inputScript $line -cursorColumn $line.Length } }
        $results.CompletionToolkitSlugMedianMs = [Math]::Round((Get-Median $times), 2)
    }
}
finally {
    Stop-ComposioEmulator $emulator
}
}

# 5. Bulk, on an emulator of its own (the one above holds 100,000 configs).
if ('Bulk' -in $Section) {
    $emulator = Start-ComposioEmulator -ApiKey 'ak_bench_key'
    try {
        $connection = Connect-Composio -ApiKey (ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force) -BaseUri $emulator.BaseUri -PassThru
        Get-ComposioAuthConfigField -Toolkit github | Out-Null # toolkit cached before the latency
        Add-ComposioEmulatorFault $emulator -Rule @(@{ method = $null; path = '/api'; kind = 'latency'; delay_ms = 100 })
        # New-ComposioAuthConfig takes its per-item pipeline input by property name here (-Connection,
        # -Name): each item is one create, with a name of its own as a real batch has.
        $items = @(1..$BulkCount | ForEach-Object { [pscustomobject]@{ Connection = $connection; Name = "bench-bulk-$_" } })

        # One run: $BulkCount creates, then their removal; the two times in ms.
        function Measure-Bulk([int] $Limit) {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $made = @($items | New-ComposioAuthConfig -Toolkit github -ThrottleLimit $Limit)
            $create = $clock.Elapsed.TotalMilliseconds
            if ($made.Count -ne $BulkCount) { throw "Only $($made.Count) of $BulkCount creates succeeded." }
            $clock.Restart()
            $made | Remove-ComposioAuthConfig -Force -ThrottleLimit $Limit
            @{ Create = $create; Remove = $clock.Elapsed.TotalMilliseconds }
        }

        $sequential = @(); $throttled = @(); $typeScript = @()
        Measure-Bulk 8 | Out-Null # warm-up of the concurrent path
        for ($run = 1; $run -le $BulkRuns; $run++) {
            Write-Host "Bulk run $run of ${BulkRuns}: $BulkCount creates and removes, sequential / -ThrottleLimit 8 / TypeScript SDK..."
            $sequential += , (Measure-Bulk 1)
            $throttled += , (Measure-Bulk 8)
            if ($tsReady) {
                $ts = & $node.Source (Join-Path $nodeDir 'bulk-auth-configs.mjs') $emulator.BaseUri $emulator.ApiKey $BulkCount 8 | ConvertFrom-Json
                if ($ts.failed) { throw "The TypeScript SDK run had $($ts.failed) failures." }
                $typeScript += , @{ Create = $ts.createMs; Remove = $ts.removeMs }
            }
        }
        $total = { param($runs) Get-Median @($runs | ForEach-Object { $_.Create + $_.Remove }) }
        $seqMs = & $total $sequential
        $t8Ms = & $total $throttled
        $results.BulkItems = $BulkCount
        $results.BulkRuns = $BulkRuns
        $results.BulkSequentialMedianMs = [Math]::Round($seqMs, 0)
        $results.BulkThrottle8MedianMs = [Math]::Round($t8Ms, 0)
        $results.BulkThrottle8CreateMedianMs = [Math]::Round((Get-Median @($throttled | ForEach-Object Create)), 0)
        $results.BulkThrottle8RemoveMedianMs = [Math]::Round((Get-Median @($throttled | ForEach-Object Remove)), 0)
        $results.BulkThrottle8Speedup = [Math]::Round($seqMs / $t8Ms, 2)
        if ($tsReady) {
            $tsMs = & $total $typeScript
            $results.BulkTypeScript8MedianMs = [Math]::Round($tsMs, 0)
            $results.BulkTypeScript8CreateMedianMs = [Math]::Round((Get-Median @($typeScript | ForEach-Object Create)), 0)
            $results.BulkTypeScript8RemoveMedianMs = [Math]::Round((Get-Median @($typeScript | ForEach-Object Remove)), 0)
            $results.BulkThrottle8VsTypeScript8Ratio = [Math]::Round($t8Ms / $tsMs, 2)
        }
        else {
            $results.BulkTypeScript8MedianMs = 'skipped: node or @composio/core not found'
        }

        # Memory over many piped items (no latency: this is about what is held, not speed).
        Clear-ComposioEmulatorFault $emulator
        Write-Host "Bulk memory: $BulkMemoryCount piped items through Disable-ComposioAuthConfig -ThrottleLimit 8..."
        Add-ComposioEmulatorSeed $emulator -Toolkit github -Count $BulkMemoryCount -NamePrefix 'mem-' | Out-Null
        [GC]::Collect()
        $baseline = [GC]::GetTotalMemory($true)
        $samples = [Collections.Generic.List[long]]::new()
        $state = @{ Count = 0 }
        Get-ComposioAuthConfig -Search 'mem-' | ForEach-Object {
            $state.Count++
            if ($state.Count % 500 -eq 0) { $samples.Add([GC]::GetTotalMemory($false) - $baseline) }
            $_
        } | Disable-ComposioAuthConfig -ThrottleLimit 8
        $results.BulkMemoryItems = $state.Count
        $results.BulkManagedMemoryMB = ($samples | ForEach-Object { [Math]::Round($_ / 1MB, 1) }) -join ' '
    }
    finally {
        Stop-ComposioEmulator $emulator
    }
}

if ('Latency' -in $Section) {
    . (Join-Path $PSScriptRoot 'Latency.ps1')
}
Remove-Item $env:COMPOSIO_CACHE_DIR -Recurse -Force -ErrorAction SilentlyContinue

$outDir = New-Item -ItemType Directory -Force (Join-Path $root 'out/bench')
$results | ConvertTo-Json | Set-Content (Join-Path $outDir 'results.json')
[pscustomobject]$results | Format-List
