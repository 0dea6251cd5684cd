BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator
    $callback = 'https://backend.composio.dev/api/v3/toolkits/auth/callback'
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'New-ComposioAuthConfig: the seed examples' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'GitHub with Composio managed auth sends managed auth and no scheme' {
        $config = New-ComposioAuthConfig -Toolkit github -Name GitHub
        $body = (Get-CreateRequest $emulator)[0].body
        $body.toolkit.slug | Should -Be 'github'
        $body.auth_config.type | Should -Be 'use_composio_managed_auth'
        $body.auth_config.name | Should -Be 'GitHub'
        $body.auth_config.PSObject.Properties.Name | Should -Not -Contain 'authScheme'
        $body.auth_config.PSObject.Properties.Name | Should -Not -Contain 'credentials'
        $config.Id | Should -Match '^ac_'
        $config.IsComposioManaged | Should -BeTrue
    }

    It 'Notion with its own OAuth2 app sends camelCase authScheme, the credentials and the redirect URI' {
        $config = New-ComposioAuthConfig -Toolkit NOTION -Name 'Notion Auth' -Type Custom -AuthScheme OAUTH2 -ClientId 1234567890 -ClientSecret (ConvertTo-Secure '1234567890') -RedirectUri $callback
        $body = (Get-CreateRequest $emulator)[0].body
        $body.toolkit.slug | Should -BeExactly 'notion'
        $body.auth_config.type | Should -Be 'use_custom_auth'
        $body.auth_config.authScheme | Should -Be 'OAUTH2'
        $body.auth_config.PSObject.Properties.Name | Should -Not -Contain 'auth_scheme'
        $body.auth_config.credentials.client_id | Should -Be '1234567890'
        $body.auth_config.credentials.client_secret | Should -Be '1234567890'
        $body.auth_config.credentials.oauth_redirect_uri | Should -Be $callback
        $config.Credentials['client_secret'] | Should -Be '***'
    }

    It 'reads a SecureString given to a text field parameter as its text' {
        New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -ClientId (ConvertTo-Secure 'id-from-secure-string') -ClientSecret (ConvertTo-Secure 's') | Out-Null
        (Get-CreateRequest $emulator)[0].body.auth_config.credentials.client_id | Should -BeExactly 'id-from-secure-string'
    }

    It 'HubSpot managed with scopes sends them comma-joined in credentials.scopes' {
        New-ComposioAuthConfig -Toolkit HUBSPOT -Name HubspotConfig -Scope sales-email-read, tickets | Out-Null
        $body = (Get-CreateRequest $emulator)[0].body
        $body.auth_config.type | Should -Be 'use_composio_managed_auth'
        $body.auth_config.credentials.scopes | Should -Be 'sales-email-read,tickets'
        $body.auth_config.PSObject.Properties.Name | Should -Not -Contain 'authScheme'
    }

    It 'Perplexity AI custom API_KEY sends empty credentials' {
        New-ComposioAuthConfig -Toolkit perplexityai -Name 'Perplexity AI' -Type Custom -AuthScheme API_KEY -Credentials @{} | Out-Null
        $create = (Get-CreateRequest $emulator)[0]
        $create.body.auth_config.authScheme | Should -Be 'API_KEY'
        $create.body_text | Should -Match '"credentials":\{\}'
    }

    It 'omits everything left unset' {
        New-ComposioAuthConfig github | Out-Null
        (Get-CreateRequest $emulator)[0].body_text | Should -Be '{"toolkit":{"slug":"github"},"auth_config":{"type":"use_composio_managed_auth"}}'
    }

    It 'sends -ToolsForConnectedAccountCreation in tool_access_config' {
        New-ComposioAuthConfig github -ToolsForConnectedAccountCreation GITHUB_GET_THE_AUTHENTICATED_USER | Out-Null
        (Get-CreateRequest $emulator)[0].body.auth_config.tool_access_config.tools_for_connected_account_creation | Should -Be @('GITHUB_GET_THE_AUTHENTICATED_USER')
    }

    It 'takes -Credentials with strings, SecureStrings, numbers and booleans' {
        New-ComposioAuthConfig notion -Type Custom -AuthScheme oauth2 -Credentials @{ client_id = 42; client_secret = (ConvertTo-Secure 's3'); flag = $true } -AllowUndeclaredField | Out-Null
        $credentials = (Get-CreateRequest $emulator)[0].body.auth_config.credentials
        $credentials.client_id | Should -Be 42
        $credentials.client_secret | Should -Be 's3'
        $credentials.flag | Should -BeTrue
    }

    It 'outputs a complete, typed AuthConfig read back by id' {
        $config = New-ComposioAuthConfig github -Name 'Typed'
        $config.GetType().FullName | Should -Be 'Composio.AuthConfig'
        $config.Name | Should -Be 'Typed'
        $config.Status | Should -Be 'ENABLED'
        $config.CreatedAt | Should -BeOfType [datetime]
        $config.Type | Should -Be 'ComposioManaged'
        (Get-WireRequest $emulator GET "*/auth_configs/$($config.Id)").Count | Should -Be 1
    }

    It 'writes the created id with a warning when reading back the name the server chose fails' {
        Add-ComposioEmulatorFault $emulator @{ method = 'GET'; path = '/api/v3.1/auth_configs/'; kind = 'status'; status = 404; times = 1 }
        $config = New-ComposioAuthConfig github -WarningVariable warnings 3>$null
        $config.Id | Should -Match '^ac_'
        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match $config.Id
    }

    It 'asks the fields once: toolkit metadata comes from the cache' {
        New-ComposioAuthConfig github | Out-Null
        New-ComposioAuthConfig github | Out-Null
        @(Get-WireRequest $emulator GET '*/toolkits/github').Count | Should -Be 0
    }
}

Describe 'New-ComposioAuthConfig: parameters' {
    It 'has exactly the parameters issues 3, 10 and 18 name, -Toolkit mandatory at position 0' {
        $command = Get-Command New-ComposioAuthConfig
        $own = $command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }
        ($own | Sort-Object) -join ',' | Should -Be 'AllowUndeclaredField,AuthScheme,Connection,Credentials,EnabledForToolRouter,InputObject,Name,ProxyAuthKey,ProxyUrl,RedirectUri,Scope,SharedCredentials,SkipExisting,ThrottleLimit,Toolkit,ToolsAvailableForExecution,ToolsForConnectedAccountCreation,Type,UserScope'
        $command.Parameters.Toolkit.ParameterSets.Values[0].IsMandatory | Should -BeTrue
        $command.Parameters.Toolkit.ParameterSets.Values[0].Position | Should -Be 0
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        (Get-Help New-ComposioAuthConfig -Parameter Type -ErrorAction SilentlyContinue) | Out-Null
        $command.Parameters.Type.ParameterType.Name | Should -Be 'AuthConfigType'
    }
}

Describe 'New-ComposioAuthConfig: checks before sending' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'reports <Id> and sends nothing for <Case>' -ForEach @(
        @{ Case = 'an unknown toolkit'; Id = 'ToolkitNotFound'; Category = 'ObjectNotFound'; Target = 'toolkit nosuchtoolkit'; Field = 'Toolkit'; Command = { New-ComposioAuthConfig nosuchtoolkit -ErrorAction Stop } }
        @{ Case = 'a scheme the toolkit lacks'; Id = 'AuthSchemeNotSupported'; Category = 'InvalidArgument'; Target = 'toolkit github'; Field = 'AuthScheme'; Match = 'OAUTH2'; Command = { New-ComposioAuthConfig github -Type Custom -AuthScheme API_KEY -ErrorAction Stop } }
        @{ Case = 'managed auth where none is offered'; Id = 'ManagedAuthNotOffered'; Category = 'InvalidArgument'; Target = 'toolkit perplexityai'; Field = 'Type'; Match = '-Type Custom'; Command = { New-ComposioAuthConfig perplexityai -ErrorAction Stop } }
        @{ Case = 'custom auth without a scheme'; Id = 'AuthSchemeRequired'; Category = 'InvalidArgument'; Target = 'toolkit notion'; Field = 'AuthScheme'; Match = 'OAUTH2, API_KEY'; Command = { New-ComposioAuthConfig notion -Type Custom -ErrorAction Stop } }
        @{ Case = 'missing required fields'; Id = 'MissingRequiredField'; Category = 'InvalidArgument'; Match = "client_id \('Client id'.*client_secret \('Client secret'"; Command = { New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -ErrorAction Stop } }
        @{ Case = 'a non-scalar credential'; Id = 'InvalidCredentialValue'; Category = 'InvalidArgument'; Target = 'toolkit notion'; Field = 'client_id'; Command = { New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = @(1, 2); client_secret = 'x' } -ErrorAction Stop } }
        @{ Case = 'a relative redirect URI'; Id = 'InvalidRedirectUri'; Category = 'InvalidArgument'; Target = 'toolkit notion'; Field = 'oauth_redirect_uri'; Command = { New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -ClientId a -ClientSecret (ConvertTo-Secure b) -RedirectUri '/callback' -ErrorAction Stop } }
        @{ Case = 'a non-http redirect URI in -Credentials'; Id = 'InvalidRedirectUri'; Category = 'InvalidArgument'; Command = { New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = 'a'; client_secret = 'b'; oauth_redirect_uri = 'ftp://example.org/cb' } -ErrorAction Stop } }
        @{ Case = 'a field given twice'; Id = 'DuplicateCredentialField'; Category = 'InvalidArgument'; Target = 'toolkit notion'; Field = 'client_id'; Command = { New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -ClientId a -Credentials @{ client_id = 'b'; client_secret = 'c' } -ErrorAction Stop } }
    ) {
        $record = $null
        try { & $Command } catch { $record = $_ }
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $record.CategoryInfo.Category | Should -Be $Category
        # The item is the target (a config not yet created: its name and toolkit); the field is the category's reason.
        if ($Target) { $record.TargetObject | Should -Be $Target; $record.Exception.Message | Should -Not -BeNullOrEmpty; "$record" | Should -BeLike "$Target*" }
        if ($Field) { $record.CategoryInfo.Reason | Should -Be $Field }
        if ($Match) { $record.Exception.Message | Should -Match $Match }
        Get-CreateRequest $emulator | Should -BeNullOrEmpty
    }

    It 'names the item as the target of MissingRequiredField, and every missing field as its reason' {
        try { New-ComposioAuthConfig outlook -Type Custom -AuthScheme S2S_OAUTH2 -Name 'Outlook S2S' -ClientId a -ErrorAction Stop } catch { $record = $_ }
        $record.TargetObject | Should -Be "'Outlook S2S' (toolkit outlook)"
        $record.CategoryInfo.Reason | Should -Be 'client_secret, generic_id'
        $record.Exception.Message | Should -Match "generic_id \('Tenant ID', -GenericId\)"
        $record.ErrorDetails.RecommendedAction | Should -Match 'Get-ComposioAuthConfigField -Toolkit outlook -AuthScheme S2S_OAUTH2 -RequiredOnly'
    }

    It 'never prompts for a required field' {
        $lines = Invoke-FreshPwsh "Connect-Composio -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' | Out-Null; try { New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -ErrorAction Stop } catch { 'ERR ' + `$_.FullyQualifiedErrorId }"
        ($lines | Out-String) | Should -Match 'ERR MissingRequiredField'
    }

    It '-WhatIf sends nothing' {
        New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -ClientId a -ClientSecret (ConvertTo-Secure b) -WhatIf | Should -BeNullOrEmpty
        Get-CreateRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'New-ComposioAuthConfig: an unknown toolkit' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'is asked for once' {
        { New-ComposioAuthConfig nosuchtoolkit2 -ErrorAction Stop } | Should -Throw -ErrorId 'ToolkitNotFound*'
        @(Get-WireRequest $emulator GET '*/toolkits/nosuchtoolkit2').Count | Should -Be 1
    }
}

Describe 'New-ComposioAuthConfig: failures after sending' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'names the exact check when the create outcome is unknown' {
        Add-ComposioEmulatorFault $emulator @{ method = 'POST'; path = '/api/v3.1/auth_configs'; kind = 'drop_after'; times = 1 }
        New-ComposioAuthConfig github -Name "Team's GitHub" -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("Get-ComposioAuthConfig -Search 'Team''s GitHub'"))
        (Get-CreateRequest $emulator).Count | Should -Be 1
    }

    It 'passes a server rejection on as a non-terminating error' {
        Add-ComposioEmulatorFault $emulator @{ method = 'POST'; path = '/api/v3.1/auth_configs'; kind = 'status'; status = 400; times = 1 }
        New-ComposioAuthConfig github -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'New-ComposioAuthConfig: secrets' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'shows no credential value or API key in any stream with -Verbose -Debug' {
        $secret = 'client-secret-VALUE-7391'
        $all = New-ComposioAuthConfig notion -Name 'Leak check' -Type Custom -AuthScheme OAUTH2 -ClientId 'cid-1' -ClientSecret (ConvertTo-Secure $secret) -Verbose -Debug *>&1 | Out-String -Width 500
        $all += New-ComposioAuthConfig sendgrid -Type Custom -AuthScheme API_KEY -Credentials @{ api_key = 'sendgrid-KEY-5512' } -Verbose -Debug *>&1 | Out-String -Width 500
        try { New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -ClientSecret (ConvertTo-Secure $secret) -Verbose -Debug *>&1 | Out-Null }
        catch { $all += $_ | Out-String -Width 500; $all += $_.Exception.Message }
        $all | Should -Match 'Leak check'
        $all | Should -Not -Match $secret
        $all | Should -Not -Match 'sendgrid-KEY-5512'
        $all | Should -Not -Match $emulator.ApiKey
    }

    It 'keeps secrets masked in the table and list views, and the table within 80 columns' {
        $config = New-ComposioAuthConfig notion -Name 'A rather long auth config name' -Type Custom -AuthScheme OAUTH2 -ClientId 'cid-view' -ClientSecret (ConvertTo-Secure 'view-SECRET-3')
        $table = $config | Format-Table | Out-String -Width 80
        $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $table | Should -Match 'Name\s+Status\s+Type\s+Toolkit\s+Id'
        # A wide console shows the whole name, not 18 characters of it.
        $config | Format-Table | Out-String -Width 160 | Should -Match 'A rather long auth config name'
        $list = $config | Format-List | Out-String -Width 200
        $list | Should -Match 'client_secret=\*\*\*'
        $list | Should -Match 'client_id=cid-view'
        "$table$list" | Should -Not -Match 'view-SECRET-3'
    }

    It 'keeps secrets out of the -WhatIf text' {
        $lines = Invoke-FreshPwsh "Connect-Composio -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' | Out-Null; New-ComposioAuthConfig notion -Name Quiet -Type Custom -AuthScheme OAUTH2 -ClientId cid -ClientSecret (ConvertTo-SecureString 'whatif-SECRET-1' -AsPlainText -Force) -WhatIf"
        $text = $lines | Out-String
        $text | Should -Match 'What if:.*Quiet'
        $text | Should -Match 'client_secret'
        $text | Should -Not -Match 'whatif-SECRET-1'
    }
}
