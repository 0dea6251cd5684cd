BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator
    function Get-DeleteRequest { @(Get-WireRequest $emulator DELETE '*/auth_configs/*') }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Remove-ComposioAuthConfig' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'removes what New-ComposioAuthConfig pipes in' {
        $config = New-ComposioAuthConfig github -Name 'To remove'
        $config | Remove-ComposioAuthConfig -Force | Should -BeNullOrEmpty
        (Get-DeleteRequest)[0].path | Should -BeLike "*/auth_configs/$($config.Id)"
        (Get-DeleteRequest)[0].query | Should -BeNullOrEmpty
        (Get-DeleteRequest)[0].status | Should -Be 200
    }

    It 'completes -Id with what New created, and stops offering it once removed' {
        $keep = New-ComposioAuthConfig github -Name 'completion keep'
        $gone = New-ComposioAuthConfig github -Name 'completion gone'
        $line = 'Remove-ComposioAuthConfig -Id '
        $before = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
        $before | Should -Contain $keep.Id
        $before | Should -Contain $gone.Id
        $gone | Remove-ComposioAuthConfig -Force
        $after = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
        $after | Should -Contain $keep.Id
        $after | Should -Not -Contain $gone.Id
    }

    It 'is a one-liner pipeline: New | Remove' {
        New-ComposioAuthConfig github | Remove-ComposioAuthConfig -Confirm:$false
        (Get-DeleteRequest).Count | Should -Be 1
    }

    It 'takes ids by value, by position and by property name' {
        $a = New-ComposioAuthConfig github; $b = New-ComposioAuthConfig github; $c = New-ComposioAuthConfig github
        $a.Id | Remove-ComposioAuthConfig -Force
        Remove-ComposioAuthConfig $b.Id -Force
        [pscustomobject]@{ Id = $c.Id } | Remove-ComposioAuthConfig -Force
        (Get-DeleteRequest).Count | Should -Be 3
    }

    It 'goes on after a 404 in the middle of the pipeline, reporting it as ObjectNotFound' {
        $a = New-ComposioAuthConfig github; $b = New-ComposioAuthConfig github
        $a.Id, 'ac_doesnotexist1', $b.Id | Remove-ComposioAuthConfig -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        # Under -Force nothing is shown, so the unknown id is not read first: its DELETE finds it missing.
        (Get-DeleteRequest).Count | Should -Be 3
        @(Get-WireRequest $emulator GET '*/auth_configs/ac_doesnotexist1').Count | Should -Be 0
        @(Get-DeleteRequest | Where-Object status -eq 200).Count | Should -Be 2
        $failures | Should -HaveCount 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'ac_doesnotexist1'
    }

    It 'goes on past a connection dropped under one item, but stops when the server refuses connections' {
        $first = New-ComposioAuthConfig github -Name 'dropped'
        $second = New-ComposioAuthConfig github -Name 'after the drop'
        # Every attempt (1 + 2 retries) for the first id loses its connection.
        Add-ComposioEmulatorFault $emulator -Rule @{ method = 'DELETE'; path = "/api/v3.1/auth_configs/$($first.Id)"; kind = 'drop_before'; times = 3 }
        $errors = $null
        $first.Id, $second.Id | Remove-ComposioAuthConfig -Force -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ComposioConnectionFailed*'
        (Get-DeleteRequest | Where-Object path -like "*$($second.Id)").status | Should -Be 200

        try {
            Connect-Composio -ApiKey (ConvertTo-Secure $emulator.ApiKey) -BaseUri 'http://127.0.0.1:9' -MaxRetries 0 -SkipCheck | Out-Null
            $thrown = $null
            try { 'ac_aaaaaaaaaaaa', 'ac_bbbbbbbbbbbb' | Remove-ComposioAuthConfig -Force -ErrorAction SilentlyContinue } catch { $thrown = $_ }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'ComposioConnectionFailed*'
        }
        finally { Connect-TestEmulator $emulator | Out-Null }
    }

    It 'refuses an id that is not an id, without a request' {
        '../toolkits/github' | Remove-ComposioAuthConfig -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAuthConfigId,*'
        Get-WireRequest $emulator | Should -BeNullOrEmpty
    }

    It '-WhatIf sends nothing' {
        $config = New-ComposioAuthConfig github
        $config | Remove-ComposioAuthConfig -WhatIf
        Remove-ComposioAuthConfig $config.Id -WhatIf -Force
        Get-DeleteRequest | Should -BeNullOrEmpty
    }

    It '-Force does not override $WhatIfPreference' {
        $config = New-ComposioAuthConfig github
        $WhatIfPreference = $true
        try { Remove-ComposioAuthConfig $config.Id -Force } finally { $WhatIfPreference = $false }
        Get-DeleteRequest | Should -BeNullOrEmpty
    }

    It 'shows the id and name in the -WhatIf text' {
        $lines = Invoke-FreshPwsh "Connect-Composio -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' | Out-Null; `$c = New-ComposioAuthConfig notion -Name 'Named One' -Type Custom -AuthScheme OAUTH2 -ClientId cid -ClientSecret (ConvertTo-SecureString 'rm-SECRET-9' -AsPlainText -Force); `$c | Remove-ComposioAuthConfig -WhatIf; 'ID=' + `$c.Id"
        $text = $lines | Out-String
        $id = ($lines | Where-Object { "$_" -like 'ID=*' }) -replace '^ID='
        $text | Should -Match ([regex]::Escape("What if: Performing the operation ""Remove Composio auth config"" on target ""'Named One' ($id, notion) in project ak_"))
        $text | Should -Match ([regex]::Escape(" at $($emulator.BaseUri.TrimEnd('/')), 0 connected account(s)"""))
        $text | Should -Not -Match 'rm-SECRET-9'
    }

    It 'asks before removing (ConfirmImpact High)' {
        $attribute = (Get-Command Remove-ComposioAuthConfig).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
    }

    It '-RevokeOnDelete asks the server to revoke and outputs the job id' {
        $config = New-ComposioAuthConfig github -Name 'Revoked'
        $result = $config | Remove-ComposioAuthConfig -RevokeOnDelete -Force
        (Get-DeleteRequest)[0].query | Should -Be 'revoke_on_delete=true'
        $result.Id | Should -Be $config.Id
        $result.Name | Should -Be 'Revoked'
        $result.RevokeJobId | Should -Not -BeNullOrEmpty
    }

    It 'shows no API key in any stream with -Verbose -Debug' {
        $all = New-ComposioAuthConfig github | Remove-ComposioAuthConfig -Force -Verbose -Debug *>&1 | Out-String -Width 500
        $all | Should -Match 'Removed auth config'
        $all | Should -Not -Match $emulator.ApiKey
    }
}
