# Issue 5 end to end, through the built module against the emulator's fault mode: a chaos run that
# must neither lose nor duplicate a config, a catalogue of bad inputs that must fail with a stable
# id (most before any request), secret-leak scans of every stream, and Ctrl+C timing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator
    $ConfigsPath = '/api/v3.1/auth_configs'

    function Add-Fault([hashtable[]] $Rule) { Add-ComposioEmulatorFault $emulator -Rule $Rule }

    # Runs a block that should fail; returns the ErrorRecord (terminating or not), or $null.
    function Get-Failure([scriptblock] $Block) {
        $ErrorActionPreference = 'Stop'
        try { & $Block | Out-Null; $null } catch { $_ }
    }
}

AfterAll {
    Stop-TestEmulator $emulator
}

Describe 'Chaos: 200 creates and removes under mixed faults' {
    BeforeAll {
        Reset-ComposioEmulator $emulator
        # Short per-attempt timeout so latency faults cost little; the default 2 retries.
        Connect-TestEmulator $emulator @{ TimeoutSec = 1 } | Out-Null
        # The toolkit is fetched once, before the faults, so only auth-config calls are disturbed.
        Get-ComposioAuthConfigField -Toolkit github | Out-Null

        $faults = Get-ChaosFault $ConfigsPath
        Add-Fault $faults

        $script:reported = [ordered]@{}      # name -> id, for every create reported done
        $script:createErrors = [System.Collections.Generic.List[object]]::new()
        $script:silent = [System.Collections.Generic.List[string]]::new()   # neither object nor error
        $script:clock = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..200) {
            $name = "chaos-$i"
            $errors = $null
            $made = New-ComposioAuthConfig -Toolkit github -Name $name -ErrorAction SilentlyContinue -ErrorVariable errors
            if ($made) { $script:reported[$name] = $made.Id }
            elseif ($errors) { $script:createErrors.Add([pscustomobject]@{ Name = $name; Error = $errors[0] }) }
            else { $script:silent.Add($name) }
        }

        Clear-ComposioEmulatorFault $emulator
        $script:afterCreate = @(Get-ComposioAuthConfig)
        Add-Fault $faults

        # Remove what was reported, and — as a user would after CreateOutcomeUnknown — whatever the
        # unclear creates turn out to have made.
        $unclear = @($script:createErrors | Where-Object { $_.Error.FullyQualifiedErrorId -like 'CreateOutcomeUnknown*' } | ForEach-Object Name)
        $script:toRemove = @($script:reported.Values) + @($script:afterCreate | Where-Object Name -in $unclear | ForEach-Object Id)
        $script:removed = [System.Collections.Generic.List[string]]::new()
        $script:removeErrors = [System.Collections.Generic.List[object]]::new()
        foreach ($id in $script:toRemove) {
            $errors = $null
            Remove-ComposioAuthConfig -Id $id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
            if ($errors) { $script:removeErrors.Add([pscustomobject]@{ Id = $id; Error = $errors[0] }) } else { $script:removed.Add($id) }
        }
        Clear-ComposioEmulatorFault $emulator
        $script:afterRemove = @(Get-ComposioAuthConfig)
        $script:clock.Stop()
        $script:faultStats = (Invoke-RestMethod "$($emulator.BaseUri)/_emulator/faults").rules
        Write-Host ("chaos: {0} created, {1} create errors ({2}), {3} removed, {4} remove errors ({5}), {6:n1} s" -f
            $script:reported.Count, $script:createErrors.Count,
            (($script:createErrors | Group-Object { ($_.Error.FullyQualifiedErrorId -split ',')[0] } | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' '),
            $script:removed.Count, $script:removeErrors.Count,
            (($script:removeErrors | Group-Object { ($_.Error.FullyQualifiedErrorId -split ',')[0] } | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' '),
            $script:clock.Elapsed.TotalSeconds)
    }

    AfterAll { Connect-TestEmulator $emulator | Out-Null }

    It 'accounts for every create: an object or an error record, never silence' {
        $script:silent | Should -BeNullOrEmpty
        ($script:reported.Count + $script:createErrors.Count) | Should -Be 200
    }

    It 'really was disturbed (faults fired, some creates failed, most succeeded)' {
        $script:createErrors.Count | Should -BeGreaterThan 0
        $script:reported.Count | Should -BeGreaterThan 100
    }

    It 'made no config twice' {
        $dupes = $script:afterCreate | Group-Object Name | Where-Object Count -gt 1
        $dupes | Should -BeNullOrEmpty
    }

    It 'holds every config whose create was reported done, under the id reported' {
        $byId = @{}
        foreach ($c in $script:afterCreate) { $byId[$c.Id] = $c.Name }
        foreach ($pair in $script:reported.GetEnumerator()) { $byId[$pair.Value] | Should -Be $pair.Key }
    }

    It 'reported each failed create with a stable id, and a lost answer as CreateOutcomeUnknown naming how to check' {
        $allowed = 'CreateOutcomeUnknown', 'ComposioServerError', 'ComposioRateLimited', 'ComposioTimeout', 'ComposioConnectionFailed'
        foreach ($failure in $script:createErrors) {
            ($failure.Error.FullyQualifiedErrorId -split ',')[0] | Should -BeIn $allowed
            $failure.Error.TargetObject | Should -Not -BeNullOrEmpty
            if ($failure.Error.FullyQualifiedErrorId -like 'CreateOutcomeUnknown*') {
                $failure.Error.ToString() | Should -Match 'may have been created'
                "$($failure.Error.ErrorDetails.RecommendedAction) $($failure.Error)" | Should -Match ([regex]::Escape("Get-ComposioAuthConfig -Search '$($failure.Name)'"))
            }
        }
    }

    It 'made nothing for a create that failed with a plain server error' {
        $plain = @($script:createErrors | Where-Object { $_.Error.FullyQualifiedErrorId -like 'ComposioServerError*' } | ForEach-Object Name)
        @($script:afterCreate | Where-Object Name -in $plain) | Should -BeNullOrEmpty
    }

    It 'removed every config whose removal was reported done, and reported each failed removal' {
        $left = @($script:afterRemove | ForEach-Object Id)
        foreach ($id in $script:removed) { $left | Should -Not -Contain $id }
        foreach ($failure in $script:removeErrors) {
            ($failure.Error.FullyQualifiedErrorId -split ',')[0] | Should -BeIn 'ComposioServerError', 'ComposioRateLimited', 'ComposioTimeout', 'ComposioConnectionFailed'
            $failure.Error.TargetObject | Should -Be $failure.Id
            # A failed removal may still have happened (an earlier attempt's answer was lost): it says so.
            if ($left -notcontains $failure.Id) { "$($failure.Error.ErrorDetails.RecommendedAction)" | Should -Match 'may have been deleted' }
        }
    }

    It 'leaves nothing behind once the failed removals are simply run again' {
        $again = @($script:removeErrors | ForEach-Object Id | Where-Object { $_ -in @($script:afterRemove | ForEach-Object Id) })
        if ($again) { $again | Remove-ComposioAuthConfig -Confirm:$false }
        $ours = @($script:toRemove)
        @(Get-ComposioAuthConfig | Where-Object Id -in $ours) | Should -BeNullOrEmpty
    }

    It 'stays fast' {
        $script:clock.Elapsed.TotalSeconds | Should -BeLessThan 120
    }
}

Describe 'Retries as Connect-Composio sets them' {
    BeforeAll { Reset-ComposioEmulator $emulator }
    AfterEach {
        Clear-ComposioEmulatorFault $emulator
        Connect-TestEmulator $emulator | Out-Null
    }

    It '-MaxRetries <Retries> makes <Attempts> attempts, each retry said in -Verbose' -ForEach @(
        @{ Retries = 0; Attempts = 1 }
        @{ Retries = 2; Attempts = 3 }
        @{ Retries = 4; Attempts = 5 }
    ) {
        Connect-TestEmulator $emulator @{ MaxRetries = $Retries } | Out-Null
        Add-Fault @(@{ method = 'GET'; path = $ConfigsPath; kind = 'status'; status = 503; headers = @{ 'retry-after-ms' = '10' } })
        Clear-ComposioEmulatorRequest $emulator
        # A listing that cannot start is an error about that listing (-ErrorAction Stop makes it end the script); its Verbose lines come first.
        $lines = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        try { Get-ComposioAuthConfig -Verbose -ErrorAction Stop 4>&1 | ForEach-Object { $lines.Add($_) } } catch { $failure = $_ }
        @(Get-WireRequest $emulator GET "$ConfigsPath*").Count | Should -Be $Attempts
        @($lines | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Retrying GET*' }).Count | Should -Be $Retries
        $failure.FullyQualifiedErrorId | Should -BeLike 'ComposioServerError*'
        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
    }

    It 'a 429 that outlasts the retries is ComposioRateLimited / LimitsExceeded' {
        Add-Fault @(@{ method = 'GET'; path = $ConfigsPath; kind = 'status'; status = 429; headers = @{ 'retry-after-ms' = '10' } })
        $failure = Get-Failure { Get-ComposioAuthConfig }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ComposioRateLimited*'
        $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        "$($failure.ErrorDetails)" | Should -Match 'Injected fault'
    }

    It '-TimeoutSec bounds each attempt; a create that outlasts it is CreateOutcomeUnknown, not retried' {
        Connect-TestEmulator $emulator @{ TimeoutSec = 1 } | Out-Null
        Add-Fault @(@{ method = 'POST'; path = $ConfigsPath; kind = 'latency'; delay_ms = 3000 })
        Clear-ComposioEmulatorRequest $emulator
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $failure = Get-Failure { New-ComposioAuthConfig -Toolkit github -Name 'too-slow' }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 2.5
        $failure.FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown*'
        $failure.CategoryInfo.Category | Should -Be 'OperationStopped'
        $failure.TargetObject | Should -Be "'too-slow' (toolkit github)"
        @(Get-CreateRequest $emulator).Count | Should -Be 1
    }
}

Describe 'Bad inputs: a stable error id, and no request when the module can judge it' {
    BeforeAll {
        Reset-ComposioEmulator $emulator
        Connect-TestEmulator $emulator | Out-Null
        # Toolkit metadata cached first: scheme and field checks then need no request at all.
        foreach ($t in 'github', 'notion', 'perplexityai', 'twitter') { Get-ComposioToolkit -Slug $t | Out-Null }
        $script:existing = New-ComposioAuthConfig -Toolkit github -Name 'catalogue-target'
        $secret = ConvertTo-Secure 'cs_catalogue_secret'
    }

    It '<Name> fails with <ErrorId> (no request: <NoRequest>)' -ForEach @(
        @{ Name = 'Remove -Id ../toolkits/x'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id '../toolkits/x' -Confirm:$false } }
        @{ Name = 'Remove -Id ac_x?y=1'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id 'ac_x?y=1' -Confirm:$false } }
        @{ Name = 'Remove -Id ac_x/ENABLED'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id 'ac_x/ENABLED' -Confirm:$false } }
        @{ Name = 'Remove -Id %2e%2e'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id '%2e%2e' -Confirm:$false } }
        @{ Name = 'Remove -Id ac_x#frag'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id 'ac_x#frag' -Confirm:$false } }
        @{ Name = 'Remove -Id with a trailing newline'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id "ac_x`n" -Confirm:$false } }
        @{ Name = 'Remove -Id with CRLF header injection'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id "ac_x`r`nX-Evil: 1" -Confirm:$false } }
        @{ Name = 'Remove -Id with a leading space'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id ' ac_x' -Confirm:$false } }
        @{ Name = 'Remove -Id with an ampersand'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id 'ac_x&revoke_on_delete=true' -Confirm:$false } }
        @{ Name = 'Remove -Id non-ASCII'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id 'ac_ünï' -Confirm:$false } }
        @{ Name = 'Remove -Id a URL'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id 'https://evil.example/ac_x' -Confirm:$false } }
        @{ Name = 'Remove -Id empty'; ErrorId = 'ParameterArgumentValidationError'; NoRequest = $true; Block = { Remove-ComposioAuthConfig -Id '' -Confirm:$false } }
        @{ Name = 'Get -Id ../toolkits/x'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Get-ComposioAuthConfig -Id '../toolkits/x' } }
        @{ Name = 'Get -Id with a backslash path'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Get-ComposioAuthConfig -Id 'ac_x\..\y' } }
        @{ Name = 'Set -Id ac_x/DISABLED'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Set-ComposioAuthConfig -Id 'ac_x/DISABLED' -Name 'n' -Confirm:$false } }
        @{ Name = 'Enable -Id ac_x?y=1'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Enable-ComposioAuthConfig -Id 'ac_x?y=1' -Confirm:$false } }
        @{ Name = 'Disable -Id ..%2f'; ErrorId = 'InvalidAuthConfigId'; NoRequest = $true; Block = { Disable-ComposioAuthConfig -Id '..%2f' -Confirm:$false } }
        @{ Name = 'Get-ComposioToolkit -Slug ../auth_configs'; ErrorId = 'InvalidToolkitSlug'; NoRequest = $true; Block = { Get-ComposioToolkit -Slug '../auth_configs' } }
        @{ Name = 'Get-ComposioToolkit -Slug with a space'; ErrorId = 'InvalidToolkitSlug'; NoRequest = $true; Block = { Get-ComposioToolkit -Slug 'git hub' } }
        @{ Name = 'Get-ComposioToolkit -Slug Kelvin sign'; ErrorId = 'InvalidToolkitSlug'; NoRequest = $true; Block = { Get-ComposioToolkit -Slug "$([char]0x212A)ey" } }
        @{ Name = 'Get -Toolkit github?x=1'; ErrorId = 'InvalidToolkitSlug'; NoRequest = $true; Block = { Get-ComposioAuthConfig -Toolkit 'github?x=1' } }
        @{ Name = 'New -Toolkit ../x'; ErrorId = 'InvalidToolkitSlug'; NoRequest = $true; Block = { New-ComposioAuthConfig -Toolkit '../x' } }
        @{ Name = 'New custom with an unknown scheme'; ErrorId = 'AuthSchemeNotSupported'; NoRequest = $false; ToolkitReadOnly = $true; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme BOGUS } }
        @{ Name = 'New custom without a scheme'; ErrorId = 'AuthSchemeRequired'; NoRequest = $true; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom } }
        @{ Name = 'New managed where none is offered'; ErrorId = 'ManagedAuthNotOffered'; NoRequest = $false; ToolkitReadOnly = $true; Block = { New-ComposioAuthConfig -Toolkit perplexityai } }
        @{ Name = 'New custom missing client_secret'; ErrorId = 'MissingRequiredField'; NoRequest = $true; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = 'x' } } }
        @{ Name = 'New with a relative redirect URI'; ErrorId = 'InvalidRedirectUri'; NoRequest = $true; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = 'x'; client_secret = 'y' } -RedirectUri 'callback/here' } }
        @{ Name = 'New with an ftp redirect URI'; ErrorId = 'InvalidRedirectUri'; NoRequest = $true; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = 'x'; client_secret = 'y' } -RedirectUri 'ftp://example.org/cb' } }
        @{ Name = 'New with scopes given twice'; ErrorId = 'DuplicateCredentialField'; NoRequest = $true; Block = { New-ComposioAuthConfig -Toolkit github -Scope repo -Credentials @{ scopes = 'user' } } }
        # Set with -Id on the command line may read the config once (its credential-field parameters); it never writes.
        @{ Name = 'Set with scopes given twice'; ErrorId = 'ScopeGivenTwice'; NoWrite = $true; Block = { Set-ComposioAuthConfig -Id 'ac_abc123' -Scope repo -Credentials @{ scopes = 'user' } -Confirm:$false } }
        @{ Name = 'New with a nested credential value'; ErrorId = 'InvalidCredentialValue'; NoRequest = $true; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = @{ nested = 1 }; client_secret = 'y' } } }
        @{ Name = 'New with a field given twice'; ErrorId = 'DuplicateCredentialField'; NoRequest = $true; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = 'a'; client_secret = 'y' } -ClientId 'b' } }
        @{ Name = 'Get with both type filters'; ErrorId = 'ConflictingTypeFilter'; NoRequest = $true; Block = { Get-ComposioAuthConfig -ComposioManaged -Custom } }
        @{ Name = 'Set with nothing to set'; ErrorId = 'NothingToSet'; NoWrite = $true; Block = { Set-ComposioAuthConfig -Id 'ac_abc123' -Confirm:$false } }
        @{ Name = 'Get-ComposioAuthConfigField with an unknown scheme'; ErrorId = 'AuthSchemeNotSupported'; NoRequest = $false; ToolkitReadOnly = $true; Block = { Get-ComposioAuthConfigField -Toolkit notion -AuthScheme BOGUS } }
        @{ Name = 'Connect over http to another host'; ErrorId = 'InsecureBaseUri'; NoRequest = $true; Block = { Connect-Composio -ApiKey (ConvertTo-Secure 'ak_x_12345678') -BaseUri 'http://composio.example.org' } }
        @{ Name = 'Connect with an ftp base URI'; ErrorId = 'InvalidBaseUri'; NoRequest = $true; Block = { Connect-Composio -ApiKey (ConvertTo-Secure 'ak_x_12345678') -BaseUri 'ftp://composio.example.org' } }
        @{ Name = 'Connect with a relative base URI'; ErrorId = 'InvalidBaseUri'; NoRequest = $true; Block = { Connect-Composio -ApiKey (ConvertTo-Secure 'ak_x_12345678') -BaseUri 'relative/path' } }
        @{ Name = 'Connect with -MaxRetries 11'; ErrorId = 'ParameterArgumentValidationError'; NoRequest = $true; Block = { Connect-Composio -ApiKey (ConvertTo-Secure 'ak_x_12345678') -MaxRetries 11 } }
        @{ Name = 'Connect with -TimeoutSec 0'; ErrorId = 'ParameterArgumentValidationError'; NoRequest = $true; Block = { Connect-Composio -ApiKey (ConvertTo-Secure 'ak_x_12345678') -TimeoutSec 0 } }
        @{ Name = 'New for an unknown toolkit'; ErrorId = 'ToolkitNotFound'; NoRequest = $false; Block = { New-ComposioAuthConfig -Toolkit nosuchtoolkit } }
        @{ Name = 'Remove an id that does not exist'; ErrorId = 'ComposioNotFound'; NoRequest = $false; Block = { Remove-ComposioAuthConfig -Id 'ac_doesnotexist1' -Confirm:$false } }
        @{ Name = 'Get an id that does not exist'; ErrorId = 'ComposioNotFound'; NoRequest = $false; Block = { Get-ComposioAuthConfig -Id 'ac_doesnotexist1' } }
    ) {
        Clear-ComposioEmulatorRequest $emulator
        $failure = Get-Failure $Block
        # Connect-* cases change the session: put it back for the next case.
        Connect-TestEmulator $emulator | Out-Null
        $failure | Should -Not -BeNullOrEmpty -Because "$Name must fail"
        $failure.FullyQualifiedErrorId | Should -BeLike "$ErrorId*"
        $failure.Exception.GetType().Name | Should -Not -Be 'AggregateException'
        $failure.ToString() | Should -Not -Match 'One or more errors occurred'
        if ($NoRequest) { @(Get-WireRequest $emulator) | Should -BeNullOrEmpty }
        if ($NoWrite) { @(Get-WireRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty }
        # Stale metadata may not refuse (issue 18): the toolkit is read again once, and nothing else is sent.
        if ($ToolkitReadOnly) {
            @(Get-WireRequest $emulator).Count | Should -BeGreaterThan 0
            @(Get-WireRequest $emulator).path | ForEach-Object { $_ | Should -BeLike '/api/v3.1/toolkits/*' }
        }
    }

    It 'a bad id in a pipeline is a non-terminating error: the good ids around it are still removed' {
        $a = New-ComposioAuthConfig -Toolkit github -Name 'pipe-a'
        $b = New-ComposioAuthConfig -Toolkit github -Name 'pipe-b'
        $errors = $null
        $a.Id, '../toolkits/github', $b.Id | Remove-ComposioAuthConfig -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAuthConfigId*'
        $errors[0].TargetObject | Should -Be '../toolkits/github'
        @(Get-ComposioAuthConfig -Search 'pipe-') | Should -BeNullOrEmpty
        @(Get-WireRequest $emulator DELETE '*toolkits*') | Should -BeNullOrEmpty
    }

    It 'not connected at all: NotConnected, saying to run Connect-Composio or set COMPOSIO_API_KEY' {
        $saved = $env:COMPOSIO_API_KEY
        try {
            $env:COMPOSIO_API_KEY = $null
            Disconnect-Composio
            $failure = Get-Failure { Get-ComposioAuthConfig }
            $failure.FullyQualifiedErrorId | Should -BeLike 'NotConnected*'
            $failure.ToString() | Should -Match 'Connect-Composio'
            $failure.ToString() | Should -Match 'COMPOSIO_API_KEY'
        }
        finally {
            $env:COMPOSIO_API_KEY = $saved
            Connect-TestEmulator $emulator | Out-Null
        }
    }
}

Describe 'Secrets never leak, with -Verbose -Debug, into any stream, $Error, WhatIf text or a transcript' {
    BeforeAll {
        Reset-ComposioEmulator $emulator
        Connect-TestEmulator $emulator | Out-Null
        $script:clientSecret = 'cs_LEAK_CANARY_client_secret_5150'
        $script:clientId = 'cid_LEAK_CANARY_client_id_5151'
        $script:rotated = 'cs_LEAK_CANARY_rotated_5152'
        $script:bearer = 'tw_LEAK_CANARY_bearer_in_generic_id_5153'
        $script:canaries = $emulator.ApiKey, $script:clientSecret, $script:rotated, $script:bearer
        $script:transcript = Join-Path ([IO.Path]::GetTempPath()) "composio-leak-$([guid]::NewGuid().ToString('N')).txt"
    }

    It 'shows none of the key or credential values anywhere, through retries and server errors' {
        $Error.Clear()
        Add-Fault @(
            @{ method = 'POST'; path = $ConfigsPath; kind = 'status'; status = 429; headers = @{ 'retry-after-ms' = '20' }; times = 1 }
            @{ method = 'GET'; path = $ConfigsPath; kind = 'status'; status = 502; times = 1 }
            @{ method = 'PATCH'; path = $ConfigsPath; kind = 'drop_after'; times = 1 }
        )
        Start-Transcript -Path $script:transcript -Force | Out-Null
        $all = & {
            $made = New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Name 'leak-check' -ClientId $script:clientId -ClientSecret (ConvertTo-Secure $script:clientSecret) -Verbose -Debug
            $made
            $made | Format-List * | Out-String
            $made | ConvertTo-Json -Depth 6
            New-ComposioAuthConfig -Toolkit twitter -Type Custom -AuthScheme OAUTH2 -Name 'leak-twitter' -Credentials @{ client_id = 'tw-id'; client_secret = (ConvertTo-Secure $script:clientSecret); generic_id = $script:bearer } -Verbose -Debug -WhatIf
            $fetched = Get-ComposioAuthConfig -Id $made.Id -Verbose -Debug
            $fetched | Format-List * | Out-String
            $fetched | ConvertTo-Json -Depth 6
            Get-ComposioAuthConfig -Search 'leak' -Verbose -Debug | Format-Table | Out-String
            Set-ComposioAuthConfig -Id $made.Id -Credentials @{ client_secret = (ConvertTo-Secure $script:rotated) } -Verbose -Debug -WhatIf
            Set-ComposioAuthConfig -Id $made.Id -Credentials @{ client_secret = (ConvertTo-Secure $script:rotated) } -Confirm:$false -Verbose -Debug -PassThru | Format-List * | Out-String
            # A server-side rejection of a create carrying the secret.
            New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = $script:clientId; client_secret = (ConvertTo-Secure $script:clientSecret); unknown_field = $script:clientSecret } -Verbose -Debug -ErrorAction Continue
            Remove-ComposioAuthConfig -Id $made.Id -Confirm:$false -Verbose -Debug -WhatIf
            Remove-ComposioAuthConfig -Id $made.Id -Confirm:$false -Verbose -Debug
        } *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.ToString(); "$($_.ErrorDetails)"; $_.ErrorDetails.RecommendedAction } else { $_ | Out-String } }
        Stop-Transcript | Out-Null
        $text = ($all -join "`n") + "`n" + (($Error | ForEach-Object { $_.ToString(); $_.Exception.ToString(); "$($_.ErrorDetails)" }) -join "`n") + "`n" + (Get-Content $script:transcript -Raw)
        Remove-Item $script:transcript -Force -ErrorAction SilentlyContinue

        # The scan saw real traffic: debug lines, retries, WhatIf text and the masked secret.
        $text | Should -Match 'HTTP POST'
        $text | Should -Match 'Retrying'
        $text | Should -Match 'What if'
        $text | Should -Match '\*\*\*'
        foreach ($canary in $script:canaries) { $text | Should -Not -Match ([regex]::Escape($canary)) }
        # The secrets did reach the server, which is where they belong.
        (Get-CreateRequest $emulator)[0].body_text | Should -Match ([regex]::Escape($script:clientSecret))
    }

    It 'Connect-Composio -Verbose -Debug shows only a hint of the key' {
        $all = Connect-TestEmulator $emulator -Verbose -Debug *>&1 | Out-String
        $all | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
    }
}

Describe 'Ctrl+C stops a cmdlet within a few hundred milliseconds' {
    BeforeAll {
        Reset-ComposioEmulator $emulator
        Connect-TestEmulator $emulator | Out-Null
        New-ComposioAuthConfig -Toolkit github -Name 'stop-me' | Out-Null

        # Starts a command in a second runspace of this process (same connection), waits until the
        # emulator has seen its request, stops it and returns how long the stop took.
        function Measure-Stop([string] $Command, [int] $SettleMs = 0) {
            $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
            $iss.ImportPSModule($ModuleManifest)
            $ps = [powershell]::Create($iss)
            try {
                Clear-ComposioEmulatorRequest $emulator
                $null = $ps.AddScript($Command)
                $async = $ps.BeginInvoke()
                $deadline = [DateTime]::UtcNow.AddSeconds(20)
                while (@(Get-WireRequest $emulator GET "$ConfigsPath*").Count -eq 0) {
                    if ([DateTime]::UtcNow -gt $deadline) { throw 'The command never reached the emulator.' }
                    Start-Sleep -Milliseconds 20
                }
                if ($SettleMs) { Start-Sleep -Milliseconds $SettleMs }
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $clock.Stop()
                $async.IsCompleted | Should -BeTrue
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                $clock.Elapsed.TotalMilliseconds
            }
            finally { $ps.Dispose() }
        }
        # The shortest of up to three stops: a shared 2-core CI machine can stall one try, but a
        # stop that really waits for the request or the backoff fails all three.
        function Measure-FastestStop([string] $Command, [int] $SettleMs = 0) {
            $best = [double]::MaxValue
            for ($i = 0; $i -lt 3 -and $best -ge 400; $i++) { $best = [Math]::Min($best, (Measure-Stop $Command -SettleMs $SettleMs)) }
            $best
        }
    }
    AfterEach {
        Clear-ComposioEmulatorFault $emulator
        # A Retry-After asked of the connection holds it even after the stop: start the next test on a fresh one.
        Connect-TestEmulator $emulator | Out-Null
    }

    It 'during a request that hangs (latency fault)' {
        Add-Fault @(@{ method = 'GET'; path = $ConfigsPath; kind = 'latency'; delay_ms = 10000 })
        Measure-FastestStop 'Get-ComposioAuthConfig' | Should -BeLessThan 400
    }

    It 'during Connect-Composio''s key check (latency fault)' {
        Add-Fault @(@{ method = 'GET'; path = $ConfigsPath; kind = 'latency'; delay_ms = 10000 })
        Measure-FastestStop "Connect-Composio -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)'" | Should -BeLessThan 400
    }

    It 'during a backoff wait (503 with Retry-After 30)' {
        Add-Fault @(@{ method = 'GET'; path = $ConfigsPath; kind = 'status'; status = 503; headers = @{ 'Retry-After' = '30' } })
        Measure-FastestStop 'Get-ComposioAuthConfig' -SettleMs 100 | Should -BeLessThan 400
    }

    It 'during a create that hangs, without reporting it as created' {
        Add-Fault @(@{ method = 'POST'; path = $ConfigsPath; kind = 'latency'; delay_ms = 10000 })
        Clear-ComposioEmulatorRequest $emulator
        $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        $iss.ImportPSModule($ModuleManifest)
        $ps = [powershell]::Create($iss)
        try {
            $null = $ps.AddScript('New-ComposioAuthConfig -Toolkit github -Name stop-create')
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (@(Get-CreateRequest $emulator).Count -eq 0) {
                if ([DateTime]::UtcNow -gt $deadline) { throw 'The create never reached the emulator.' }
                Start-Sleep -Milliseconds 20
            }
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalMilliseconds | Should -BeLessThan 400
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }
}
