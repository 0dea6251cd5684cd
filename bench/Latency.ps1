# Section 6 of Run-Benchmarks.ps1 (dot-sourced; uses its helpers and $results): round trips and
# a one-shot admin script with and without 100 ms of latency on every API request.

$emulator = Start-ComposioEmulator -ApiKey 'ak_bench_key'
$keyBefore = $env:COMPOSIO_API_KEY # the one-shot scripts read the key from there
try {
    $key = $emulator.ApiKey
    $uri = $emulator.BaseUri
    Connect-Composio -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -BaseUri $uri | Out-Null
    Get-ComposioAuthConfigField -Toolkit github | Out-Null # the toolkit cache (in COMPOSIO_CACHE_DIR) is warm for every process below
    $api = "$uri/api/v3.1/auth_configs"
    $headers = @{ 'x-api-key' = $key }

    # Requests one operation sent, from the emulator's request log.
    function Measure-Requests([scriptblock] $Action) {
        Clear-ComposioEmulatorRequest $emulator
        & $Action | Out-Null
        (Get-ComposioEmulatorRequest $emulator).Count
    }
    function Invoke-Sdk([string] $Operation, [string] $Target, [string] $Name = 'bench-sdk') {
        & $node.Source (Join-Path $nodeDir 'operation.mjs') $uri $key $Operation $Target $Name | ConvertFrom-Json
    }

    # 6a. Requests per operation, on a warm toolkit cache: the module, the SDK (a fresh process per
    # operation: it has no cache to warm), raw Invoke-RestMethod.
    Write-Host 'Latency: requests per operation...'
    $ours = [ordered]@{}
    $ours.Connect = Measure-Requests { Connect-Composio -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -BaseUri $uri }
    $made = @{} # what each create made, for the operations after it
    $ours.Create = Measure-Requests { $made.ours = New-ComposioAuthConfig -Toolkit github -Name 'bench-count' }
    $ours.Get = Measure-Requests { Get-ComposioAuthConfig -Id $made.ours.Id }
    $ours.Update = Measure-Requests { $made.ours | Set-ComposioAuthConfig -Name 'bench-count-2' }
    $ours.Disable = Measure-Requests { $made.ours | Disable-ComposioAuthConfig }
    $ours.Enable = Measure-Requests { $made.ours | Enable-ComposioAuthConfig }
    $ours.Delete = Measure-Requests { $made.ours | Remove-ComposioAuthConfig -Force }

    $raw = [ordered]@{ Connect = 0 }
    $raw.Create = Measure-Requests { $made.raw = (Invoke-RestMethod -Method Post -Uri $api -Headers $headers -ContentType 'application/json' -Body '{"toolkit":{"slug":"github"},"auth_config":{"type":"use_composio_managed_auth","name":"bench-raw"}}') }
    $rawId = $made.raw.auth_config.id
    $raw.Get = Measure-Requests { Invoke-RestMethod -Uri "$api/$rawId" -Headers $headers }
    $raw.Update = Measure-Requests { Invoke-RestMethod -Method Patch -Uri "$api/$rawId" -Headers $headers -ContentType 'application/json' -Body '{"type":"default","name":"bench-raw-2"}' }
    $raw.Disable = Measure-Requests { Invoke-RestMethod -Method Patch -Uri "$api/$rawId/DISABLED" -Headers $headers }
    $raw.Enable = Measure-Requests { Invoke-RestMethod -Method Patch -Uri "$api/$rawId/ENABLED" -Headers $headers }
    $raw.Delete = Measure-Requests { Invoke-RestMethod -Method Delete -Uri "$api/$rawId" -Headers $headers }

    $sdk = [ordered]@{}
    if ($tsReady) {
        # Constructing the client sends nothing; Connect is counted as that.
        $sdk.Connect = 0
        $sdk.Create = Measure-Requests { $made.sdk = Invoke-Sdk create github }
        foreach ($operation in 'Get', 'Update', 'Disable', 'Enable', 'Delete') {
            $sdk[$operation] = Measure-Requests { Invoke-Sdk $operation.ToLowerInvariant() $made.sdk.id 'bench-sdk-2' }
        }
    }
    foreach ($operation in $ours.Keys) {
        $theirs = if ($tsReady) { $sdk[$operation] } else { '-' }
        $results["Requests$operation"] = "module $($ours[$operation]), SDK $theirs, raw IRM $($raw[$operation])"
    }

    # 6b. The one-shot admin script as whole processes, against the same script with Invoke-RestMethod.
    # Both read the key from $env:COMPOSIO_API_KEY, as an unattended job holds it and as design.md's
    # first form of Connect-Composio takes it; the module's script is also timed with the key passed as
    # `-ApiKey (ConvertTo-SecureString ...)`, which loads Microsoft.PowerShell.Security for that cmdlet.
    # Each script reports its steps as text: reporting with ConvertTo-Json would load
    # Microsoft.PowerShell.Utility into the module's process only (Invoke-RestMethod has loaded it in
    # the raw one), and charge the module for the measurement.
    # With -BaselineModulePath the module's scripts also run for an earlier build (before/after).
    $moduleScript = { param($path, [switch] $SecureStringKey) $connect = if ($SecureStringKey) { "-ApiKey (ConvertTo-SecureString `$env:COMPOSIO_API_KEY -AsPlainText -Force) " } else { '' }
@"
`$clock = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$path'
`$import = `$clock.Elapsed.TotalMilliseconds
Connect-Composio $connect-BaseUri '$uri' | Out-Null
`$connect = `$clock.Elapsed.TotalMilliseconds
`$config = New-ComposioAuthConfig -Toolkit github -Name 'one-shot'
`$new = `$clock.Elapsed.TotalMilliseconds
Remove-ComposioAuthConfig -Id `$config.Id -Force
`$remove = `$clock.Elapsed.TotalMilliseconds
"import=`$import;connect=`$(`$connect - `$import);new=`$(`$new - `$connect);remove=`$(`$remove - `$new)"
"@ }
    $scripts = [ordered]@{ ours = & $moduleScript $ModulePath; oursSecureString = & $moduleScript $ModulePath -SecureStringKey }
    if ($BaselineModulePath) {
        $scripts.baseline = & $moduleScript $BaselineModulePath
        $scripts.baselineSecureString = & $moduleScript $BaselineModulePath -SecureStringKey
    }
    $scripts.raw = @"
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$headers = @{ 'x-api-key' = `$env:COMPOSIO_API_KEY }
`$created = Invoke-RestMethod -Method Post -Uri '$api' -Headers `$headers -ContentType 'application/json' -Body '{"toolkit":{"slug":"github"},"auth_config":{"type":"use_composio_managed_auth","name":"one-shot"}}'
`$new = `$clock.Elapsed.TotalMilliseconds
Invoke-RestMethod -Method Delete -Uri "$api/`$(`$created.auth_config.id)" -Headers `$headers | Out-Null
`$remove = `$clock.Elapsed.TotalMilliseconds
"new=`$new;remove=`$(`$remove - `$new)"
"@
    # "name=value;..." as the scripts print it.
    function ConvertFrom-StepLine([string] $Line) {
        $steps = @{}
        foreach ($pair in $Line.Split(';')) { $name, $value = $pair.Split('='); $steps[$name] = [double]$value }
        [pscustomobject]$steps
    }
    $env:COMPOSIO_API_KEY = $key
    foreach ($latency in 0, 100) {
        Clear-ComposioEmulatorFault $emulator
        if ($latency -gt 0) {
            Add-ComposioEmulatorFault $emulator -Rule @(@{ method = $null; path = '/api'; kind = 'latency'; delay_ms = $latency })
        }
        Write-Host "Latency: one-shot script, $OneShotPairs paired runs at $latency ms..."
        Invoke-Pwsh -NoProfile -NonInteractive -Command $scripts.raw | Out-Null # warm-up: disk cache of pwsh itself
        $whole = @{}; $inside = @{}; $ratios = @{}
        foreach ($which in $scripts.Keys) { $whole[$which] = @(); $inside[$which] = @(); $ratios[$which] = @() }
        for ($i = 0; $i -lt $OneShotPairs; $i++) {
            # Alternate the order, so drift in machine load hits every side alike.
            $order = @($scripts.Keys)
            if ($i % 2) { [array]::Reverse($order) }
            $run = @{}
            foreach ($which in $order) {
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $lines = Invoke-Pwsh -NoProfile -NonInteractive -Command $scripts[$which]
                $run[$which] = $clock.Elapsed.TotalMilliseconds
                $inside[$which] += , (ConvertFrom-StepLine ($lines | Select-Object -Last 1))
            }
            foreach ($which in $scripts.Keys) { $whole[$which] += $run[$which]; $ratios[$which] += $run[$which] / $run.raw }
        }
        $steps = { param($which, $names) ($names | ForEach-Object { $step = $_; "$step $([Math]::Round((Get-Median @($inside[$which] | ForEach-Object { $_.$step })), 0))" }) -join ', ' }
        $results["OneShot${latency}msModuleMedianMs"] = [Math]::Round((Get-Median $whole.ours), 0)
        $results["OneShot${latency}msRawIrmMedianMs"] = [Math]::Round((Get-Median $whole.raw), 0)
        $results["OneShot${latency}msRatioMedianOfPairs"] = [Math]::Round((Get-Median $ratios.ours), 3)
        # Inside the processes (medians, ms): where the module's time goes, against IRM's first call.
        $results["OneShot${latency}msModuleSteps"] = & $steps ours 'import', 'connect', 'new', 'remove'
        $results["OneShot${latency}msRawIrmSteps"] = & $steps raw 'new', 'remove'
        $results["OneShot${latency}msSecureStringKeyRatioMedianOfPairs"] = [Math]::Round((Get-Median $ratios.oursSecureString), 3)
        $results["OneShot${latency}msSecureStringKeySteps"] = & $steps oursSecureString 'import', 'connect', 'new', 'remove'
        if ($BaselineModulePath) {
            $results["OneShot${latency}msBaselineMedianMs"] = [Math]::Round((Get-Median $whole.baseline), 0)
            $results["OneShot${latency}msBaselineRatioMedianOfPairs"] = [Math]::Round((Get-Median $ratios.baseline), 3)
            $results["OneShot${latency}msBaselineSteps"] = & $steps baseline 'import', 'connect', 'new', 'remove'
            $results["OneShot${latency}msBaselineSecureStringKeyRatioMedianOfPairs"] = [Math]::Round((Get-Median $ratios.baselineSecureString), 3)
        }
    }
}
finally {
    $env:COMPOSIO_API_KEY = $keyBefore
    Stop-ComposioEmulator $emulator
}
