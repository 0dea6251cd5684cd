#requires -Module Pester
# Issue 18 item 9: the published v3.1 spec is the contract. Every request of every kind the module
# sends, and the emulator's answer to each, go through a recording proxy; then tests/contract/check.mjs
# type-checks them with the TypeScript compiler against @composio/client 2.0.0-rc.6's generated types
# (object literals with `satisfies`, so a missing, mistyped or extra member fails). And
# @composio/core 0.21.0 runs against the emulator without one "validation failed" line.
# The npm packages come from build.ps1 Test (out/contract/, from the committed package-lock.json).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Contract = Join-Path $RepoRoot 'out/contract'
    if (-not (Test-Path (Join-Path $script:Contract 'node_modules/typescript'))) {
        throw "The contract test's npm packages are not installed in $script:Contract; run ./build.ps1 Test (it runs npm ci there)."
    }
    Copy-Item (Join-Path $RepoRoot 'tests/contract/*.mjs') $script:Contract -Force
    $script:Emulator = Start-TestEmulator

    # Starts the recording proxy in front of the emulator and returns it with its address.
    function Start-RecordingProxy([string] $Record) {
        $info = [Diagnostics.ProcessStartInfo]::new('node')
        foreach ($a in (Join-Path $script:Contract 'proxy.mjs'), $script:Emulator.BaseUri, $Record) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $info.WorkingDirectory = $script:Contract
        $process = [Diagnostics.Process]::Start($info)
        $line = $process.StandardOutput.ReadLine()
        if ($line -notmatch 'Listening on: (\S+)') { $process.Kill(); throw "The recording proxy did not start: $line" }
        [pscustomobject]@{ Process = $process; BaseUri = $Matches[1] }
    }

    function Invoke-Node([string[]] $Arguments) {
        Push-Location $script:Contract
        try { $output = & node @Arguments 2>&1 | ForEach-Object { "$_" } }
        finally { Pop-Location }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output) }
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'The module and the emulator against the published spec' {
    BeforeAll {
        Reset-ComposioEmulator $script:Emulator
        $script:Record = Join-Path $TestDrive 'module.jsonl'
        $proxy = Start-RecordingProxy $script:Record
        try {
            $key = ConvertTo-SecureString $script:Emulator.ApiKey -AsPlainText -Force
            Connect-Composio -ApiKey $key -BaseUri $proxy.BaseUri   # the key check is a request too
            $null = Get-ComposioToolkit
            $null = Get-ComposioToolkit -Slug github, perplexityai
            $null = Get-ComposioToolkit -Category productivity
            $null = TabExpansion2 'Get-ComposioToolkit -Category ' -cursorColumn 30   # completion lists the categories
            $line = 'New-ComposioAuthConfig -Toolkit github -ToolsAvailableForExecution '
            $null = TabExpansion2 $line -cursorColumn $line.Length   # completion lists the toolkit's tools
            $managed = New-ComposioAuthConfig -Toolkit github -Name 'contract managed' -Scope repo, user -ToolsForConnectedAccountCreation GITHUB_STAR_A_REPOSITORY
            $custom = New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Name 'contract custom' -Credentials @{ client_id = 'contract-client'; client_secret = 'contract-secret-0001' }
            $null = New-ComposioAuthConfig -Toolkit perplexityai -Type Custom -AuthScheme API_KEY -Name 'contract api key'
            Set-ComposioAuthConfig -Id $custom.Id -Name 'contract custom 2' -Credentials @{ client_secret = 'contract-secret-0002' } -ToolsAvailableForExecution NOTION_SEARCH -SharedCredentials @{ team = 'shared-secret-0001' } -Confirm:$false
            Set-ComposioAuthConfig -Id $managed.Id -Scope repo -ToolsAvailableForExecution GITHUB_STAR_A_REPOSITORY -Confirm:$false
            Disable-ComposioAuthConfig -Id $managed.Id -Confirm:$false
            Enable-ComposioAuthConfig -Id $managed.Id -Confirm:$false
            $null = Get-ComposioAuthConfig
            $null = Get-ComposioAuthConfig -Toolkit github -ComposioManaged -IncludeDisabled -Search contract
            $null = Get-ComposioAuthConfig -Id $custom.Id
            $null = Get-ComposioToolkitScope -Toolkit github -Tool GITHUB_STAR_A_REPOSITORY
            # Where the beta endpoint answers 404, the published tools/scopes/required is asked.
            Add-ComposioEmulatorFault $script:Emulator @{ method = 'POST'; path = '/api/v3.1/toolkits/github/scopes/recommended'; kind = 'status'; status = 404 }
            $null = Get-ComposioToolkitScope -Toolkit github -Tool GITHUB_STAR_A_REPOSITORY
            Clear-ComposioEmulatorFault $script:Emulator
            Remove-ComposioAuthConfig -Id $managed.Id -RevokeOnDelete -Force -Confirm:$false
            Remove-ComposioAuthConfig -Id $custom.Id -Force -Confirm:$false
        }
        finally {
            Disconnect-Composio
            $proxy.Process.Kill()
            $proxy.Process.WaitForExit()
        }

        # An answer outside the spec, checked in the same compiler run, so the check is seen to fail.
        $script:Bad = Join-Path $TestDrive 'outside-the-spec.jsonl'
        $toolkit = (Get-Content $script:Record | ConvertFrom-Json | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/api/v3.1/toolkits/github' } | Select-Object -First 1)
        $missing = $toolkit.answer | ConvertFrom-Json -AsHashtable
        $missing.Remove('is_local_toolkit')
        $extra = $toolkit.answer | ConvertFrom-Json -AsHashtable
        $extra['unexpected_member'] = 1
        $lines = foreach ($answer in $missing, $extra) {
            $toolkit.answer = $answer | ConvertTo-Json -Depth 20 -Compress
            $toolkit | ConvertTo-Json -Depth 5 -Compress
        }
        $lines | Set-Content $script:Bad
        $script:Check = Invoke-Node @('check.mjs', $script:Record, $script:Bad)
    }

    It 'recorded a request of every kind the module sends' {
        $kinds = Get-Content $script:Record | ConvertFrom-Json | ForEach-Object { "$($_.method) $($_.path -replace '/(ac|pj)_[A-Za-z0-9]+', '/{id}' -replace '/toolkits/(?!categories)[a-z_]+$', '/toolkits/{slug}')" } | Sort-Object -Unique
        foreach ($kind in 'POST /api/v3.1/auth_configs', 'GET /api/v3.1/auth_configs', 'GET /api/v3.1/auth_configs/{id}',
            'PATCH /api/v3.1/auth_configs/{id}', 'PATCH /api/v3.1/auth_configs/{id}/ENABLED', 'PATCH /api/v3.1/auth_configs/{id}/DISABLED',
            'DELETE /api/v3.1/auth_configs/{id}', 'GET /api/v3.1/toolkits', 'GET /api/v3.1/toolkits/{slug}', 'GET /api/v3.1/toolkits/categories',
            'POST /api/v3.1/tools/scopes/required', 'GET /api/v3.1/tools') {
            $kinds | Should -Contain $kind
        }
    }

    It 'type-checks every request and answer with tsc against @composio/client 2.0.0-rc.6' {
        $report = $script:Check.Output -join "`n"
        $report | Should -Match 'module: checked \d+ exchange'
        $script:Check.Output | Where-Object { $_ -like 'ERROR recorded-module*' } | Should -BeNullOrEmpty -Because $report
    }

    It 'fails the check for an answer outside the spec: a required member missing, an extra member' {
        $report = $script:Check.Output -join "`n"
        $script:Check.ExitCode | Should -Be 1 -Because 'the deliberately wrong record must fail'
        $bad = @($script:Check.Output | Where-Object { $_ -like 'ERROR recorded-outside-the-spec*' })
        $bad.Count | Should -Be 2 -Because $report
        ($bad -join "`n") | Should -Match 'is_local_toolkit'
        ($bad -join "`n") | Should -Match 'unexpected_member'
    }
}

Describe '@composio/core 0.21.0 against the emulator' {
    It 'makes every auth-config and toolkit call without a "validation failed" line' {
        Reset-ComposioEmulator $script:Emulator
        $run = Invoke-Node @('core.mjs', $script:Emulator.BaseUri, $script:Emulator.ApiKey)
        $report = $run.Output -join "`n"
        $run.ExitCode | Should -Be 0 -Because $report
        $report | Should -Match '(?m)^done$'
        $run.Output | Where-Object { $_ -match 'validation failed' } | Should -BeNullOrEmpty -Because $report
    }
}

Describe 'Wire fidelity with @composio/core 0.21.0 (the seed''s examples and the newer fields)' {
    It 'sends each write byte for byte as the official SDK does (the toolkit slug lowercased, as the module always sends it)' {
        Reset-ComposioEmulator $script:Emulator
        $run = Invoke-Node @('seed.mjs', $script:Emulator.BaseUri, $script:Emulator.ApiKey)
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $ids = $run.Output[-1] | ConvertFrom-Json
        $core = @(Get-WireRequest $script:Emulator | Where-Object method -in 'POST', 'PATCH')
        Clear-ComposioEmulatorRequest $script:Emulator

        Connect-TestEmulator $script:Emulator | Out-Null
        $null = New-ComposioAuthConfig -Toolkit GITHUB -Name GitHub
        $null = New-ComposioAuthConfig -Toolkit NOTION -Name Notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_secret = '1234567890'; client_id = '1234567890' } -RedirectUri 'https://backend.composio.dev/api/v3/toolkits/auth/callback'
        $null = New-ComposioAuthConfig -Toolkit HUBSPOT -Name HubspotConfig -Scope 'sales-email-read', 'tickets'
        $null = New-ComposioAuthConfig -Toolkit PERPLEXITYAI -Name 'Perplexity AI' -Type Custom -AuthScheme API_KEY
        $null = New-ComposioAuthConfig -Toolkit notion -Name 'Notion proxy' -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_secret = 'secret-2'; client_id = 'id-2' } `
            -ProxyUrl 'https://proxy.example.test' -ProxyAuthKey (ConvertTo-SecureString 'proxy-key-2' -AsPlainText -Force) -ToolsForConnectedAccountCreation NOTION_SEARCH -EnabledForToolRouter
        Set-ComposioAuthConfig -Id $ids.notion -RestrictToTools NOTION_SEARCH -Confirm:$false
        Set-ComposioAuthConfig -Id $ids.hubspot -ToolsAvailableForExecution HUBSPOT_LIST_CONTACTS -Confirm:$false
        $module = @(Get-WireRequest $script:Emulator | Where-Object method -in 'POST', 'PATCH')
        Disconnect-Composio

        $module.Count | Should -Be $core.Count
        for ($i = 0; $i -lt $core.Count; $i++) {
            # core sends the slug as the caller spelled it ("GITHUB"); the module sends the toolkit's own (lowercase) slug.
            $expected = $core[$i].body_text -replace '"slug":"([^"]+)"', { '"slug":"' + $_.Groups[1].Value.ToLowerInvariant() + '"' }
            "$($module[$i].method) $($module[$i].body_text)" | Should -Be "$($core[$i].method) $expected"
        }
    }
}

